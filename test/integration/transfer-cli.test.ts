import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { FIXTURE_DIR } from '../fixtures/keyfile/generate.js';
import { readZip, writeZip } from '../../shared/node/transfer/zip.js';
import { ConfigStore } from '../../shared/node/config-store.js';
import { recordTested } from '../../shared/node/tested-record.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const SECRET = 'Proxy-Secret-4711';
const PASSPHRASE = 'correct horse battery staple';

interface Machine {
  base: string;
  config: string;
  d: string[];
  run(args: string[]): ReturnType<typeof cli>;
}

async function machine(name: string): Promise<Machine> {
  const base = await tmp();
  const config = join(base, name, 'config');
  const d = ['--config-dir', config, '--state-dir', join(base, name, 'state')];
  return { base, config, d, run: (args) => cli([...d, ...args], { env }) };
}

async function activated(serial = '00000001'): Promise<Machine> {
  const m = await machine('a');
  const keyCode = ['activate', '--key-code', '01239', '--server-name', 'SERVER001', '--device-code', 'N8100-1234', '--serial', serial];
  expect((await m.run([...keyCode, '--warranty', '99999999', '--reply-mail', 'reply@example.jp'])).code).toBe(0);
  const set = await m.run(['config', 'set', 'customer.name', '山田太郎', 'mail.smtp.host', 'smtp.example.jp', 'https.proxy.password', SECRET]);
  expect(set.code).toBe(0);
  return m;
}

/** AMHTPADR.INF rewritten as Shift_JIS with CRLF line ends and a Japanese comment: it must travel byte for byte. */
async function shiftJisDestinations(m: Machine): Promise<Buffer> {
  const path = join(m.config, 'WebReprt', 'AMHTPADR.INF');
  const text = `; 宛先定義ファイル(シフトJIS)\r\n${(await readFile(path, 'utf8')).replace(/\r?\n/g, '\r\n')}`;
  const bytes = iconv.encode(text, 'cp932');
  await writeFile(path, bytes);
  return bytes;
}

async function passFile(dir: string, pass = PASSPHRASE): Promise<string> {
  const p = join(dir, `pass-${createHash('sha1').update(pass).digest('hex').slice(0, 6)}.txt`);
  await writeFile(p, `${pass}\n`);
  return p;
}

/** Every file of a folder tree with its digest: compared before and after a refused import. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out[p] = createHash('sha256')
      .update(await readFile(p))
      .digest('hex');
  }
  return out;
}

async function rezip(src: string, dst: string, edit: (entries: Map<string, Buffer>) => void): Promise<void> {
  const entries = await readZip(await readFile(src), src);
  edit(entries);
  await writeFile(dst, await writeZip([...entries].map(([name, data]) => ({ name, data }))));
}

describe('express-report export / import / export diff', () => {
  it('round trip: transfer export -> import on a fresh folder -> export again -> diff equal; a Shift_JIS CRLF file travels byte for byte', async () => {
    const a = await activated();
    const sjis = await shiftJisDestinations(a);
    const pass = await passFile(a.base);
    const exported = join(a.base, 'a.zip');
    const e = await a.run(['export', '--out', exported, '--scope', 'transfer', '--passphrase-file', pass]);
    expect(e).toMatchObject({ code: 0, err: [] });

    const b = await machine('b');
    expect((await b.run(['init'])).code).toBe(0);
    const dry = await b.run(['import', exported, '--passphrase-file', pass, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('changed     activation.state (State): not-activated -> configured');
    expect(dry.out).toContain('added       https.proxy.password (Proxy password):  -> (set)');
    const i = await b.run(['import', exported, '--passphrase-file', pass]);
    expect(i).toMatchObject({ code: 0, err: [] });
    expect(i.out.some((l) => /^Settings imported/.test(l))).toBe(true);

    expect(Buffer.compare(await readFile(join(b.config, 'WebReprt', 'AMHTPADR.INF')), sjis)).toBe(0);
    expect((await b.run(['config', 'get', 'activation.state'])).out).toEqual(['configured']);
    expect((await b.run(['config', 'get', 'https.proxy.password'])).out).toEqual(['(set)']);
    // Sealed again for b's own service key: not a's sealed value.
    const sealedOf = async (m: Machine) => /ProxyPassword=(sealed:v1:[^\r\n]+)/i.exec(await readFile(join(m.config, 'routes.ini'), 'utf8'))?.[1];
    const [sa, sb] = [await sealedOf(a), await sealedOf(b)];
    expect(sb).toMatch(/^sealed:v1:/);
    expect(sb!.slice(0, 27)).not.toBe(sa!.slice(0, 27));

    const again = join(b.base, 'b.zip');
    expect((await b.run(['export', '--out', again, '--scope', 'transfer', '--passphrase-file', pass])).code).toBe(0);
    const diff = await b.run(['export', 'diff', exported, again]);
    expect(diff.out).toEqual(['The two exports hold the same settings.']);
    expect(diff.code).toBe(0);
    // Importing what b holds changes nothing (a support export: a transfer secret cannot be compared, so it counts as changed).
    const support = join(b.base, 'support.zip');
    expect((await b.run(['export', '--out', support, '--personal', 'include'])).code).toBe(0);
    expect((await b.run(['import', support])).out.at(-1)).toMatch(/^Nothing to change/);
  });

  it('diff names each difference (setting, definition file by line) and exits 1; --json too', async () => {
    const a = await activated();
    const x = join(a.base, 'x.zip');
    const y = join(a.base, 'y.zip');
    expect((await a.run(['export', '--out', x])).code).toBe(0);
    await a.run(['config', 'set', 'mail.smtp.port', '587']);
    await shiftJisDestinations(a);
    expect((await a.run(['export', '--out', y])).code).toBe(0);
    const d = await a.run(['export', 'diff', x, y]);
    expect(d.code).toBe(1);
    expect(d.out).toContain('setting mail.smtp.port (SMTP port): 25 -> 587');
    expect(d.out.some((l) => l.startsWith('definition WebReprt/AMHTPADR.INF') && l.includes('UTF-8') && l.includes('Shift_JIS'))).toBe(true);
    expect(d.out).toContain('    + 1: ; 宛先定義ファイル(シフトJIS)');
    const j = await a.run(['export', 'diff', x, y, '--json']);
    expect(j.code).toBe(1);
    expect((JSON.parse(j.out.join('\n')) as { equal: boolean }).equal).toBe(false);
  });

  it('the transfer passphrase: right opens, wrong is ER_3518, an altered file is ER_3519 (digests recomputed) or ER_3516', async () => {
    const a = await activated();
    const pass = await passFile(a.base);
    const wrong = await passFile(a.base, 'not the passphrase');
    const t = join(a.base, 't.zip');
    expect((await a.run(['export', '--out', t, '--scope', 'transfer', '--passphrase-file', pass])).code).toBe(0);
    const b = await machine('b');
    await b.run(['init']);
    const before = await snapshot(b.config);

    const w = await b.run(['import', t, '--passphrase-file', wrong]);
    expect(w.code).toBe(1);
    expect(w.err).toEqual([expect.stringMatching(/^ER_3518 Wrong passphrase/)]);
    const none = await b.run(['import', t]);
    expect(none.err).toEqual([expect.stringMatching(/^ER_3520 /)]);

    // An attacker who changes a value and updates its digest in the manifest: the seal (MAC) no longer matches.
    const forged = join(a.base, 'forged.zip');
    await rezip(t, forged, (entries) => {
      const s = entries.get('settings.json')!.toString('utf8').replace('smtp.example.jp', 'evil.example.net');
      const data = Buffer.from(s);
      entries.set('settings.json', data);
      const m = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { entries: Array<{ name: string; size: number; sha256: string }> };
      const e = m.entries.find((x) => x.name === 'settings.json')!;
      e.size = data.length;
      e.sha256 = createHash('sha256').update(data).digest('hex');
      entries.set('manifest.json', Buffer.from(JSON.stringify(m)));
    });
    const f = await b.run(['import', forged, '--passphrase-file', pass]);
    expect(f.code).toBe(1);
    expect(f.err).toEqual([expect.stringMatching(/^ER_3519 .*altered/)]);

    const damaged = join(a.base, 'damaged.zip');
    await rezip(t, damaged, (entries) =>
      entries.set('settings.json', Buffer.from(entries.get('settings.json')!.toString('utf8').replace('smtp.example.jp', 'evil.example.net'))),
    );
    expect((await b.run(['import', damaged, '--passphrase-file', pass])).err).toEqual([expect.stringMatching(/^ER_3516 .*settings\.json/)]);
    expect(await snapshot(b.config)).toEqual(before);
  });

  it('refuses hostile exports with their own codes and writes nothing', async () => {
    const a = await activated();
    const s = join(a.base, 's.zip');
    expect((await a.run(['export', '--out', s])).code).toBe(0);
    const b = await machine('b');
    await b.run(['init']);
    // The config and the state folder: not even the event log is written before the checks pass.
    const before = await snapshot(join(b.base, 'b'));

    const cases: Array<[string, (e: Map<string, Buffer>) => void, RegExp]> = [
      ['unknown.zip', (e) => e.set('keys/service-key.pem', Buffer.from('x')), /^ER_3514 .*keys\/service-key\.pem/],
      ['oversized.zip', (e) => e.set('settings.json', Buffer.alloc(2 * 1024 * 1024, 0x20)), /^ER_3515 .*settings\.json/],
      ['digest.zip', (e) => e.set('summary.txt', Buffer.from('changed')), /^ER_3516 .*summary\.txt/],
      [
        'newer.zip',
        (e) => e.set('manifest.json', Buffer.from(e.get('manifest.json')!.toString('utf8').replace('"formatVersion": "1.1"', '"formatVersion": "2.0"'))),
        /^ER_3517 .*2\.0/,
      ],
    ];
    for (const [name, edit, code] of cases) {
      const file = join(a.base, name);
      await rezip(s, file, edit);
      const r = await b.run(['import', file]);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toEqual([expect.stringMatching(code)]);
    }
    // Zip slip: yazl refuses to write such a name, so a same-length name is patched in the bytes.
    const slip = join(a.base, 'slip.zip');
    const zip = await writeZip([{ name: 'AB/settings.json', data: Buffer.from('{}') }]);
    await writeFile(slip, Buffer.from(zip.toString('latin1').replaceAll('AB/settings.json', '../settings.json'), 'latin1'));
    const r = await b.run(['import', slip]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(/^ER_3513 .*\.\.\/settings\.json/)]);
    const junk = join(a.base, 'junk.zip');
    await writeFile(junk, 'not a zip at all');
    expect((await b.run(['import', junk])).err).toEqual([expect.stringMatching(/^ER_3510 /)]);

    expect(await snapshot(join(b.base, 'b'))).toEqual(before);
  });

  it('personal data: left out of a support export unless --personal include; kept on import', async () => {
    const a = await activated();
    const omit = join(a.base, 'omit.zip');
    const include = join(a.base, 'include.zip');
    expect((await a.run(['export', '--out', omit])).out).toContain('16 personal field(s) left out (--personal include puts them in).');
    expect((await a.run(['export', '--out', include, '--personal', 'include'])).code).toBe(0);
    const text = async (f: string) => [...(await readZip(await readFile(f), f)).values()].map((b) => b.toString('utf8')).join('\n');
    expect(await text(omit)).not.toContain('山田太郎');
    expect(await text(omit)).not.toContain('reply@example.jp');
    expect(await text(include)).toContain('山田太郎');

    const b = await machine('b');
    await b.run(['init']);
    // The reply address is personal too, and required for a key-code HTTPS machine: without it the import is refused.
    expect((await b.run(['config', 'set', 'customer.name', '佐藤花子'])).code).toBe(0);
    const refused = await b.run(['import', omit, '--dry-run']);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/^activation\.replyMail: ER_3001 /);
    expect((await b.run(['config', 'set', 'activation.replyMail', 'sato@example.jp'])).code).toBe(0);
    const r = await b.run(['import', omit]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('kept        customer.name (Customer name): 佐藤花子  [personal data not in the export]');
    expect((await b.run(['config', 'get', 'customer.name'])).out).toEqual(['佐藤花子']);
    expect((await b.run(['config', 'get', 'machine.serialNumber'])).out).toEqual(['00000001']);
  });

  it('no clear secret anywhere in a support or transfer export', async () => {
    const a = await activated();
    await a.run(['config', 'set', 'mail.auth.password', 'Smtp-Secret-0815']);
    const pass = await passFile(a.base);
    for (const [name, args] of [
      ['s.zip', ['--personal', 'include']],
      ['t.zip', ['--scope', 'transfer', '--passphrase-file', pass]],
    ] as const) {
      const f = join(a.base, name);
      expect((await a.run(['export', '--out', f, ...args])).code).toBe(0);
      const raw = await readFile(f);
      for (const secret of [SECRET, 'Smtp-Secret-0815', PASSPHRASE]) {
        expect(raw.includes(secret), `${name} raw`).toBe(false);
        for (const [entry, data] of await readZip(raw, f)) expect(data.includes(secret), `${name} ${entry}`).toBe(false);
      }
      // Nor the machine-bound sealed values.
      for (const data of (await readZip(raw, f)).values()) expect(data.includes('sealed:v1:'), name).toBe(false);
    }
  });

  it('a transfer export without a passphrase file is refused and writes nothing; a dry run writes nothing', async () => {
    const a = await activated();
    const t = join(a.base, 't.zip');
    const r = await a.run(['export', '--out', t, '--scope', 'transfer']);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(/^ER_3500 /)]);
    await expect(stat(t)).rejects.toThrow();

    const s = join(a.base, 's.zip');
    await a.run(['export', '--out', s, '--personal', 'include']);
    const b = await machine('b');
    await b.run(['init']);
    const before = await snapshot(b.config);
    const dry = await b.run(['import', s, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out.at(-1)).toMatch(/^Dry run \(--dry-run\): nothing was written\. \d+ change/);
    expect(await snapshot(b.config)).toEqual(before);
  });

  it('identity only onto the same serial unless --other-machine; --only limits what is imported', async () => {
    const a = await activated('00000001');
    const s = join(a.base, 's.zip');
    await a.run(['export', '--out', s]);
    const other = await activated('00000002');
    await other.run(['config', 'set', 'mail.smtp.host', 'other.example.jp']);
    const refused = await other.run(['import', s]);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([expect.stringMatching(/^machine\.serialNumber: ER_3524 .*00000001.*00000002/)]);
    const routes = await other.run(['import', s, '--only', 'routes']);
    expect(routes.code).toBe(0);
    expect((await other.run(['config', 'get', 'mail.smtp.host'])).out).toEqual(['smtp.example.jp']);
    expect((await other.run(['config', 'get', 'machine.serialNumber'])).out).toEqual(['00000002']);
    expect((await other.run(['import', s, '--only', 'routes,bogus'])).err).toEqual([expect.stringMatching(/^ER_3523 /)]);
    expect((await other.run(['import', s, '--other-machine'])).code).toBe(0);
    expect((await other.run(['config', 'get', 'machine.serialNumber'])).out).toEqual(['00000001']);
  });

  it('an import that changes the destinations of a tested machine marks it changed since the last test (ER_6090)', async () => {
    const a = await activated();
    // A tested machine: the state as a successful テスト通報 leaves it, and its record of what was tested.
    const ini = join(a.config, 'activation.ini');
    await writeFile(ini, (await readFile(ini, 'utf8')).replace('State=configured', 'State=tested'));
    await recordTested({ configDir: a.config, stateDir: join(a.base, 'a', 'state') }, (await ConfigStore.open(a.config)).config);
    const same = join(a.base, 'same.zip');
    await a.run(['export', '--out', same, '--personal', 'include']);
    const adr = join(a.config, 'WebReprt', 'AMHTPADR.INF');
    const original = await readFile(adr);
    await writeFile(adr, original.toString('utf8').replace('center.express-report.example', 'other-center.example'));
    const moved = join(a.base, 'moved.zip');
    await a.run(['export', '--out', moved, '--personal', 'include']);
    await writeFile(adr, original);

    const r = await a.run(['import', moved]);
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.includes('AMHTPADR')).join()).toMatch(/^changed {5}WebReprt\/AMHTPADR\.INF/);
    expect(r.err).toEqual([expect.stringMatching(/^ER_6090 \[warning\] The destinations changed after the last test/)]);
    expect((await a.run(['config', 'get', 'activation.state'])).out).toEqual(['tested']);
    // Back to what was tested: no warning.
    const back = await a.run(['import', same]);
    expect(back).toMatchObject({ code: 0, err: [] });
  });
});
