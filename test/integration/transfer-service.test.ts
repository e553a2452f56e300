/**
 * The settings export with what surrounds it (issue 14): the queue snapshot of a RUNNING service in summary.txt and
 * summary.html (a real service process whose center answers 503, a real event waiting), and "not running" once it
 * stopped; the center certificate (center-cert.pem) travelling byte for byte, named by fingerprint in `export diff`,
 * and kept on a machine with another serial unless --other-machine.
 */
import { describe, it, expect } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { FIXTURE_DIR } from '../fixtures/keyfile/generate.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { activatedMachine, startCenter, startService, until } from '../helpers/service-process.js';
import { readZip } from '../../shared/node/transfer/zip.js';
import { SUMMARY_WORDS } from '../../shared/transfer/summary.js';

const tmp = tempDirs();

async function summaries(file: string): Promise<{ txt: string; html: string }> {
  const entries = await readZip(await readFile(file), file);
  return { txt: entries.get('summary.txt')!.toString('utf8'), html: entries.get('summary.html')!.toString('utf8') };
}

describe('the queue snapshot of a running service', () => {
  it('summary.txt and summary.html show 1 waiting, expired 0 and the last failure; stopped, "not running"', async () => {
    const base = await tmp();
    let answer = 200;
    const center = await startCenter(base, () => ({ status: answer, body: answer === 200 ? 'ok' : 'center busy' }));
    const service = { stop: async () => {}, log: () => '' };
    try {
      // Active the honest way (test and activation notifications answered 200), then the center is busy.
      const m = await activatedMachine(base, { url: center.receiver.url, caFile: center.caFile, settings: ['suppression.use', 'off'], state: 'active' });
      const running = await startService(m, ['--no-os-events']);
      Object.assign(service, { stop: running.stop, log: running.log });
      answer = 503;
      const ev = await m.cli(['event', '--source', 'atapi', '--id', '0xc0040006']);
      const e = JSON.parse(ev.out.trim().split('\n').at(-1)!) as { result: string; reportId?: string };
      expect(e.result).toBe('accepted');
      type Status = { pending: number; expired: number; lastFailure?: { at: string; problem: { code: string } } };
      const status = async () => JSON.parse((await m.cli(['status', '--json'])).out) as Status;
      await until(async () => (await status()).lastFailure !== undefined, 30_000, 'the first failed attempt', running.log);
      const s = await status();
      expect(s).toMatchObject({ pending: 1, expired: 0 });
      const at = s.lastFailure!.at;
      // The center's 503, as the route names it (ER_2008).
      expect(s.lastFailure!.problem.code).toBe('ER_2008');

      const out = join(base, 'running.zip');
      const x = await m.cli(['export', '--out', out]);
      expect(x.code, x.err).toBe(0);
      const { txt, html } = await summaries(out);
      expect(txt).toContain('  waiting: 1  expired: 0\r\n');
      expect(txt).toContain('  送信待ち: 1  期限切れ: 0\r\n');
      expect(txt).toContain(`  last failure: ${at} ER_2008 Error from the center (URL1, 127.0.0.1:`);
      expect(txt).toMatch(/ ER_2008 .*503 Service Unavailable: center busy\r\n/);
      expect(txt).toContain(`  最終失敗: ${at} ER_2008 通報先 URL1(`);
      expect(txt).not.toContain(SUMMARY_WORDS.notRunning.en);
      expect(html).toContain('<li>waiting: 1  expired: 0</li>');
      expect(html).toContain('<li>送信待ち: 1  期限切れ: 0</li>');
      expect(html).toContain(`<li>last failure: ${at} ER_2008 Error from the center (URL1, 127.0.0.1:`);
      expect(html).toContain(`<li>最終失敗: ${at} ER_2008 通報先 URL1(`);
      expect(html).not.toContain(SUMMARY_WORDS.notRunning.en);

      await running.stop();
      const stopped = join(base, 'stopped.zip');
      expect((await m.cli(['export', '--out', stopped])).code).toBe(0);
      const after = await summaries(stopped);
      for (const lang of ['ja', 'en'] as const) {
        expect(after.txt).toContain(`-- ${SUMMARY_WORDS.queue[lang]}\r\n  ${SUMMARY_WORDS.notRunning[lang]}\r\n`);
        expect(after.html).toContain(`<li>${SUMMARY_WORDS.notRunning[lang]}</li>`);
      }
      expect(after.txt).toContain('  the service was not running\r\n');
      expect(after.txt).not.toContain('waiting: 1');
      expect(after.html).not.toContain('last failure');
    } finally {
      await service.stop();
      await center.receiver.close();
    }
  }, 180_000);
});

const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const PASSPHRASE = 'correct horse battery staple';

interface Folder {
  config: string;
  cert: string;
  run(args: string[]): ReturnType<typeof cli>;
}

async function activated(base: string, name: string, serial: string): Promise<Folder> {
  const config = join(base, name, 'config');
  const run = (args: string[]) => cli(['--config-dir', config, '--state-dir', join(base, name, 'state'), ...args], { env });
  const keyCode = ['activate', '--key-code', '01239', '--server-name', 'SERVER001', '--device-code', 'N8100-1234', '--serial', serial];
  const r = await run([...keyCode, '--warranty', '99999999', '--reply-mail', 'reply@example.jp']);
  expect(r.code, r.err.join('\n')).toBe(0);
  return { config, cert: join(config, 'center-cert.pem'), run };
}

describe('the center certificate travels', () => {
  it('byte for byte onto the same serial; diff names it by fingerprint; another serial keeps its own unless --other-machine', async () => {
    const base = await tmp();
    const pass = join(base, 'pass.txt');
    await writeFile(pass, `${PASSPHRASE}\n`);
    // Two different center certificates (forge writes PEM with CRLF: the line ends must survive too).
    const [one, two] = [makeTestPki().ca.certPem, makeTestPki().ca.certPem];
    const [fp1, fp2] = [new X509Certificate(one).fingerprint256, new X509Certificate(two).fingerprint256];
    expect(one).toContain('\r\n');
    expect(fp1).not.toBe(fp2);

    const a = await activated(base, 'a', '00000001');
    await writeFile(a.cert, one);
    const t = join(base, 't.zip');
    expect((await a.run(['export', '--out', t, '--scope', 'transfer', '--passphrase-file', pass])).code).toBe(0);
    expect([...(await readZip(await readFile(t), t)).keys()]).toContain('center-cert.pem');

    // A fresh folder with the same serial and no certificate yet.
    const b = await activated(base, 'b', '00000001');
    const dry = await b.run(['import', t, '--passphrase-file', pass, '--dry-run']);
    expect(dry.code, dry.err.join('\n')).toBe(0);
    expect(dry.out.find((l) => l.includes('center-cert.pem'))).toMatch(new RegExp(`^added +center-cert\\.pem .*${fp1}`));
    const i = await b.run(['import', t, '--passphrase-file', pass]);
    expect(i.code, i.err.join('\n')).toBe(0);
    expect(Buffer.compare(await readFile(b.cert), Buffer.from(one))).toBe(0);
    const back = join(base, 'back.zip');
    expect((await b.run(['export', '--out', back, '--scope', 'transfer', '--passphrase-file', pass])).code).toBe(0);
    expect(await b.run(['export', 'diff', t, back])).toMatchObject({ code: 0, out: ['The two exports hold the same settings.'] });

    // Only the certificate differs: named by its fingerprints, exit 1.
    await writeFile(a.cert, two);
    const u = join(base, 'u.zip');
    expect((await a.run(['export', '--out', u, '--scope', 'transfer', '--passphrase-file', pass])).code).toBe(0);
    const d = await a.run(['export', 'diff', t, u]);
    expect(d.code).toBe(1);
    expect(d.out).toEqual([`certificate center-cert.pem (Center certificate): ${fp1} -> ${fp2}`, 'The two exports differ in 1 place(s).']);
    const j = JSON.parse((await a.run(['export', 'diff', t, u, '--json'])).out.join('\n')) as { differences: Array<{ kind: string; a: string; b: string }> };
    expect(j.differences).toEqual([expect.objectContaining({ kind: 'certificate', a: fp1, b: fp2 })]);

    // Another serial with its own certificate: refused whole (ER_3524), or the routes only with the certificate kept.
    const c = await activated(base, 'c', '00000002');
    await writeFile(c.cert, two);
    const refused = await c.run(['import', t, '--passphrase-file', pass]);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([expect.stringMatching(/^machine\.serialNumber: ER_3524 /)]);
    expect(await readFile(c.cert, 'utf8')).toBe(two);
    const routes = await c.run(['import', t, '--passphrase-file', pass, '--only', 'routes']);
    expect(routes.code, routes.err.join('\n')).toBe(0);
    expect(routes.out.find((l) => l.includes('center-cert.pem'))).toMatch(new RegExp(`^kept +center-cert\\.pem .*${fp2}`));
    expect(routes.out.join('\n')).toContain('The center certificate belongs to another machine and is not imported');
    expect(await readFile(c.cert, 'utf8')).toBe(two);
    // The contrast: --other-machine takes it.
    const taken = await c.run(['import', t, '--passphrase-file', pass, '--other-machine']);
    expect(taken.code, taken.err.join('\n')).toBe(0);
    expect(Buffer.compare(await readFile(c.cert), Buffer.from(one))).toBe(0);
  }, 120_000);
});
