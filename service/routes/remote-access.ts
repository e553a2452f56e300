/**
 * Remote access (リモートアクセスサービス, docs/design.md section 8.2): dial up to the provider before a mail or HTTPS attempt and hang up
 * after it. Windows: `rasdial`; Linux: NetworkManager's `nmcli`. The user and password are always ours (routes.ini),
 * never the ones the OS saved.
 *
 * Secrets: `nmcli` reads the password from a passwd-file (0600, in a 0700 folder, removed right after), so it never
 * appears in a process listing. `rasdial` has no such option: on Windows the password is an argument, visible to
 * local administrators while it runs (docs/report-format.md).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Settings } from '../../shared/settings/schema.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { text, type LocalizedText } from '../../shared/messages/text.js';

export interface CommandResult {
  /** Exit status; null when the command could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Why it could not start (e.g. ENOENT: not installed). */
  error?: string;
}

/** `signal`: the service is stopping; the command is ended (SIGTERM) rather than waited for. */
export type CommandRunner = (command: string, args: readonly string[], opts: { timeoutMs: number; signal?: AbortSignal }) => Promise<CommandResult>;

export const runCommand: CommandRunner = (command, args, { timeoutMs, signal }) =>
  new Promise((resolve) => {
    execFile(command, [...args], { timeout: timeoutMs, windowsHide: true, encoding: 'utf8', ...(signal ? { signal } : {}) }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      const spawnFailed = e !== null && typeof e.code === 'string';
      resolve({
        code: e === null ? 0 : typeof e.code === 'number' ? e.code : null,
        stdout,
        stderr,
        timedOut: e?.killed === true && !spawnFailed,
        ...(spawnFailed ? { error: e.message } : {}),
      });
    });
  });

export interface RemoteAccessOptions {
  runner?: CommandRunner;
  platform?: NodeJS.Platform;
  /** How long dialling may take (default 120 s: modems and PPP negotiation are slow). */
  timeoutMs?: number;
}

export type DialUp = { ok: true; hangUp(): Promise<void> } | { ok: false; problem: Problem };

/** nmcli's passwd-file unescapes `\\` and octal `\ooo`, and strips unescaped spaces at both ends. */
export function nmEscape(secret: string): string {
  const octal = (c: string): string => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
  return secret
    .replace(/\\/g, '\\\\')
    .replace(/[\x00-\x1f\x7f]/g, octal)
    .replace(/^\s+|\s+$/g, (edge) => [...edge].map(octal).join(''));
}

/** NetworkManager asks for the secret of whichever kind the profile is; the others are ignored. */
const NM_PASSWORD_KEYS = ['pppoe.password', 'gsm.password', 'cdma.password', 'vpn.secrets.password'];

function outputOf(r: CommandResult): string {
  return `${r.stdout} ${r.stderr}`.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function failure(entry: string, shown: string, r: CommandResult, timeoutMs: number): Problem {
  let reason: LocalizedText | string;
  if (r.error !== undefined) reason = r.error;
  else if (r.timedOut) reason = text(`${timeoutMs / 1000} 秒以内に終わりませんでした`, `did not finish within ${timeoutMs / 1000} s`);
  else reason = text(`終了コード ${String(r.code)}: ${outputOf(r)}`, `exit status ${String(r.code)}: ${outputOf(r)}`);
  return problem('ER_2013', { entry, command: shown, reason }, { field: 'remote.entry' });
}

/** How long dialling may take by default (modems and PPP negotiation are slow); the routes' time budgets add it. */
export const REMOTE_TIMEOUT_MS = 120_000;

export async function dialUp(s: Settings, openSecret: (sealed: string) => string, opts: RemoteAccessOptions = {}, signal?: AbortSignal): Promise<DialUp> {
  const run = opts.runner ?? runCommand;
  const platform = opts.platform ?? process.platform;
  const timeoutMs = opts.timeoutMs ?? REMOTE_TIMEOUT_MS;
  const stop = signal ? { signal } : {};
  const entry = s['remote.entry'];
  const user = s['remote.user'];
  let password: string;
  try {
    password = openSecret(s['remote.password']);
  } catch (e) {
    return { ok: false, problem: problem('ER_1006', { reason: (e as Error).message }, { field: 'remote.password' }) };
  }
  const quiet = async (command: string, args: string[]): Promise<void> => {
    // A failed hang-up must not turn a delivered report into a failure (its outcome is what the caller reports).
    await run(command, args, { timeoutMs });
  };

  if (platform === 'win32') {
    const r = await run('rasdial', [entry, user, password], { timeoutMs, ...stop });
    const shown = `rasdial ${entry} ${user} ********`;
    if (r.code !== 0) return { ok: false, problem: failure(entry, shown, r, timeoutMs) };
    return { ok: true, hangUp: () => quiet('rasdial', [entry, '/disconnect']) };
  }
  if (platform !== 'linux') {
    return {
      ok: false,
      problem: problem(
        'ER_2013',
        { entry, command: '-', reason: text(`${platform} には対応していません`, `not supported on ${platform}`) },
        { field: 'remote.use' },
      ),
    };
  }

  const wait = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  const args = ['--wait', wait, 'connection', 'up', 'id', entry];
  const shown = `nmcli ${args.join(' ')}`;
  let dir: string | undefined;
  try {
    if (password !== '') {
      dir = await mkdtemp(join(tmpdir(), 'express-report-nm-'));
      const file = join(dir, 'passwd');
      await writeFile(file, NM_PASSWORD_KEYS.map((k) => `${k}:${nmEscape(password)}\n`).join(''), { mode: 0o600, flag: 'wx' });
      args.push('passwd-file', file);
    }
    // The timeout of the process is a little longer than nmcli's own --wait, so nmcli can say why it gave up.
    const r = await run('nmcli', args, { timeoutMs: timeoutMs + 5000, ...stop });
    if (r.code !== 0) return { ok: false, problem: failure(entry, shown, r, timeoutMs) };
  } finally {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
  return { ok: true, hangUp: () => quiet('nmcli', ['connection', 'down', 'id', entry]) };
}
