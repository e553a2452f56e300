/**
 * Security checks after a realistic run (realistic-run.ts):
 *  - secrets scan: no secret set during the run (proxy, SMTP and POP passwords, remote-access password, the export
 *    passphrase, the local API's token, serve's session token) appears in anything written or printed, in clear text
 *    nor base64 / base64url / hex / UTF-16 / URL-encoded / JSON-escaped; zip archives are scanned inside. The tokens
 *    have their one documented home (service.json; serve's first line on its own terminal), nowhere else;
 *  - file modes: every file and folder under config and state has the mode the docs give it (docs/config-folder.md
 *    "File modes"), and a file the table does not know is named, so a new file cannot go unchecked.
 */
import { execFile } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticRun, SECRETS, type RunResult } from './realistic-run.js';

let run: RunResult;

beforeAll(async () => {
  run = await realisticRun(await mkdtemp(join(tmpdir(), 'er-security-')));
}, 180_000);
afterAll(async () => {
  if (run) await rm(run.base, { recursive: true, force: true });
});

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    out.push(p);
    if (e.isDirectory()) out.push(...(await walk(p)));
  }
  return out;
}

/** The modes the docs give (docs/config-folder.md; docs/reliability.md "Security checks" lists the state folder's). */
const CONFIG_MODES: Array<[RegExp, number]> = [
  [/^$/, 0o700],
  [/^WebReprt$/, 0o700],
  [/^WebReprt\/AMHTP(ADR|LOG|HBI)\.INF(\.bak)?$/, 0o644],
  [/^(activation|routes)\.ini(\.bak)?$/, 0o600],
  [/^schedule\.ini(\.bak)?$/, 0o644],
  [/^(format\.json|center-cert\.pem)$/, 0o644],
];
/** Every folder of the state folder 0700; every file 0600 but the service's public key. */
const STATE_MODES: Array<[RegExp, number]> = [
  [/^keys\/service-key\.pub\.pem$/, 0o644],
  [/^(keys\/service-key\.pem|service\.json|format\.json|heartbeat\.json|app-events\.jsonl|tested-settings\.json|activation-notified)$/, 0o600],
  [/^backups\/[^/]+\.zip$/, 0o600],
  [/^(spool|sent|expired)\/[^/]+\.json$/, 0o600],
  // a delivered or pruned report's file kept to be written again (group-write.ts): it still holds that report
  [/^(spool|sent|expired)\/\.[^/]+\.spare\.tmp$/, 0o600],
  [/^log\/service\.log(\.1)?$/, 0o600],
];
const STATE_FOLDER = 0o700;

async function modeProblems(root: string, table: Array<[RegExp, number]>, folders?: number): Promise<string[]> {
  const problems: string[] = [];
  for (const p of [root, ...(await walk(root))]) {
    const rel = relative(root, p);
    const st = await lstat(p);
    const mode = st.mode & 0o7777;
    const want = st.isDirectory() && folders !== undefined ? folders : table.find(([re]) => re.test(rel))?.[1];
    if (want === undefined) problems.push(`${p}: not in the documented table (mode 0${mode.toString(8)})`);
    else if (mode !== want) problems.push(`${p}: mode 0${mode.toString(8)}, documented 0${want.toString(8)}`);
  }
  return problems;
}

describe('file modes after a realistic run', () => {
  it('every file and folder of the config folder has its documented mode', async () => {
    expect(await modeProblems(run.configDir, CONFIG_MODES)).toEqual([]);
  });

  it('every file and folder of the state folder (keys, token, spool, sent reports, logs, backups) has its documented mode', async () => {
    const files = await walk(run.stateDir);
    // The run made what the table covers: a sent report with the customer's message, the key, the backup.
    expect(files.some((f) => /\/sent\/[^/]+\.json$/.test(f))).toBe(true);
    expect(files.some((f) => f.endsWith('service-key.pem'))).toBe(true);
    expect(files.some((f) => /\/backups\/[^/]+\.zip$/.test(f))).toBe(true);
    expect(await modeProblems(run.stateDir, STATE_MODES, STATE_FOLDER)).toEqual([]);
  });
});

/** The forms a secret could be written in: clear, base64 (any alignment), base64url, hex, UTF-16, URL- and JSON-escaped. */
function forms(secret: string): string[] {
  const raw = Buffer.from(secret, 'utf8');
  const out = new Set<string>([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  for (const k of [0, 1, 2]) {
    const b64 = Buffer.concat([Buffer.alloc(k), raw]).toString('base64');
    const inner = b64.slice(k === 0 ? 0 : 4, Math.floor((k + raw.length) / 3) * 4);
    out.add(inner);
    out.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  out.add(raw.toString('hex'));
  out.add(raw.toString('hex').toUpperCase());
  return [...out];
}

/** Where each form of each secret occurs in `bytes` (also as UTF-16LE). */
function findings(where: string, bytes: Buffer, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const f of forms(secret)) {
      if (bytes.includes(Buffer.from(f, 'latin1')) || bytes.includes(Buffer.from(f, 'utf8')) || bytes.includes(Buffer.from(f, 'utf16le'))) {
        found.push(`${where}: ${name} (as ${JSON.stringify(f)})`);
      }
    }
  }
  return found;
}

const unzipTo = promisify(execFile);

/** Every file under `dir`, and inside every zip archive (extracted with Info-ZIP unzip). */
async function scanFolder(dir: string, secrets: Record<string, string>, allow: (path: string, name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const p of await walk(dir)) {
    const st = await lstat(p);
    if (!st.isFile()) continue;
    const bytes = await readFile(p);
    found.push(...findings(p, bytes, secrets).filter((f) => !allow(p, f)));
    if (p.endsWith('.zip')) {
      const into = await mkdtemp(join(tmpdir(), 'er-scan-zip-'));
      try {
        await unzipTo('unzip', ['-qq', '-o', p, '-d', into]);
        found.push(...(await scanFolder(into, secrets, () => false)).map((f) => `${p} -> ${f}`));
      } finally {
        await rm(into, { recursive: true, force: true });
      }
    }
  }
  return found;
}

describe('secrets scan after a realistic run', () => {
  const all = () => ({ ...SECRETS, apiToken: run.apiToken, serveToken: run.serveToken });

  it('the scan finds a secret where one is written (the check can fail)', () => {
    expect(findings('probe', Buffer.from(`Basic ${Buffer.from(`reporter:${SECRETS['https.proxy.password']}`).toString('base64')}`), SECRETS)).not.toEqual([]);
    expect(findings('probe', Buffer.from(SECRETS['mail.pop.password'], 'utf16le'), SECRETS)).not.toEqual([]);
  });

  it('no secret in the config folder, the state folder (spool, sent, logs, backups) or the exports, zips included', async () => {
    // service.json is the token's one documented home (0600, while the service runs).
    const allowToken = (p: string, f: string) => p.endsWith('/service.json') && f.includes(': apiToken (');
    const found = [
      ...(await scanFolder(run.configDir, all(), () => false)),
      ...(await scanFolder(run.stateDir, all(), allowToken)),
      ...(await scanFolder(run.exportsDir, all(), () => false)),
    ];
    expect(found).toEqual([]);
  });

  it("no secret in any command's stdout or stderr, the service's log, serve's API answers or what the center received", () => {
    const found = run.outputs.flatMap((o) => findings(o.what, Buffer.from(o.text, 'utf8'), all()));
    expect(found).toEqual([]);
    expect(run.outputs.filter((o) => o.what.startsWith("serve's answer to snapshot"))[0]?.text).toMatch(/"ok":true/);
  });
});
