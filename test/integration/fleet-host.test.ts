/**
 * ファイル → 一括準備 through the host, as the window calls it (the dispatcher): the CSV and a key file uploaded as
 * bytes, the base the current settings or an export, the build written under a folder of this machine; a read-only
 * view refuses both.
 */
import { describe, it, expect } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createHost } from '../../service/host-factory.js';
import { dispatch } from '../../shared/node/host/dispatch.js';
import { type FleetBuilt, type FleetChecked, type HostApi } from '../../shared/host/api.js';
import { ConfigStore } from '../../shared/node/config-store.js';
import { FIXTURE_DIR } from '../fixtures/keyfile/generate.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const CSV = [
  'server_name,device_code,serial,warranty,activation,reply_mail,mail.smtp.host',
  'WEB01,N8100-2810,H001,1,keycode:01239,r@example.jp,',
  'SERVER001,N8100-2810,H002,2,keyfile:sample.key,,smtp.example.jp',
  'WEB03,N8100-2810,H003,3,keycode:99,r@example.jp,',
].join('\r\n');

async function call<T>(api: HostApi, method: string, arg: unknown): Promise<{ ok: true; result: T } | { ok: false; codes: string[] }> {
  const r = await dispatch(api, method, arg);
  return r.ok ? { ok: true, result: r.result as T } : { ok: false, codes: r.problems.map((p) => p.code) };
}

describe('fleet preparation through the host', () => {
  it('checks uploaded bytes against the current settings, then writes only the rows without errors', async () => {
    const dir = await tmp();
    const host = await createHost({ configDir: join(dir, 'config'), stateDir: join(dir, 'state') }, env);
    expect((await host.saveSettings({ values: { 'mail.smtp.host': 'base.example.jp' } })).ok).toBe(true);
    const keys = { files: [{ name: 'sample.key', contentBase64: b64(await readFile(join(FIXTURE_DIR, 'sample.key'))) }] };
    const req = { csv: { name: 'servers.csv', contentBase64: b64(CSV) }, keys, base: { current: true } };

    const checked = await call<FleetChecked>(host, 'fleetCheck', req);
    expect(checked.ok).toBe(true);
    if (!checked.ok || !checked.result.ok) throw new Error('refused');
    expect(checked.result.counts).toEqual({ total: 3, new: 1, replace: 0, warning: 1, error: 1 });
    expect(checked.result.rows.map((r) => [r.line, r.status, r.problems.map((p) => `${p.field} ${p.code}`)])).toEqual([
      [2, 'new', []],
      [3, 'warning', ['serial ER_6826']], // the key file is for serial 00000001
      [4, 'error', ['activation ER_3003']],
    ]);
    expect(checked.result.rows[0]!.schedule?.en).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 1[0-4]:\d\d$/);
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining(['out']));

    const out = join(dir, 'out');
    const built = await call<FleetBuilt>(host, 'fleetBuild', { ...req, out });
    if (!built.ok || !built.result.ok) throw new Error('refused');
    expect([built.result.written, built.result.skipped]).toEqual([2, 1]);
    expect((await readdir(out)).sort()).toEqual(['H001', 'H002', 'fleet-result.csv']);
    const h1 = (await ConfigStore.open(join(out, 'H001', 'config'))).config.settings;
    expect(h1['mail.smtp.host']).toBe('base.example.jp');
    const h2 = (await ConfigStore.open(join(out, 'H002', 'config'))).config.settings;
    expect([h2['mail.smtp.host'], h2['activation.method'], h2['activation.state']]).toEqual(['smtp.example.jp', 'keyfile', 'configured']);

    // The same rows again: their folders now exist.
    const again = await call<FleetChecked>(host, 'fleetCheck', { ...req, out });
    if (!again.ok || !again.result.ok) throw new Error('refused');
    expect(again.result.rows.map((r) => r.status)).toEqual(['replace', 'warning', 'error']); // a warning outranks replace
  });

  it('refuses a build when the CSV as a whole is wrong, and a schema-less request', async () => {
    const dir = await tmp();
    const host = await createHost({ configDir: join(dir, 'config'), stateDir: join(dir, 'state') }, env);
    const out = join(dir, 'out');
    const built = await call<FleetBuilt>(host, 'fleetBuild', { csv: { name: 'x.csv', contentBase64: b64('colour\nred\n') }, base: { current: true }, out });
    expect(built.ok && !built.result.ok && built.result.problems.map((p) => p.code)).toEqual([
      'ER_3604',
      'ER_3607',
      'ER_3607',
      'ER_3607',
      'ER_3607',
      'ER_6825',
    ]);
    await expect(readdir(out)).rejects.toThrow();
    const bad = await call(host, 'fleetBuild', { csv: { name: 'x.csv', contentBase64: '' }, base: { current: true } });
    expect(bad.ok).toBe(false);
  });

  it('is refused by a read-only view of an export', async () => {
    const dir = await tmp();
    const host = await createHost({ configDir: join(dir, 'config'), stateDir: join(dir, 'state') }, env);
    const exported = await host.exportSettings({ scope: 'support', personal: 'omit' });
    if (!exported.ok) throw new Error('export refused');
    const opened = await host.openView({ file: { name: exported.name, contentBase64: exported.contentBase64! } });
    if (!opened.ok) throw new Error('view refused');
    const view = host.viewHost(opened.view)!;
    const r = await call(view, 'fleetBuild', { csv: { name: 'x.csv', contentBase64: b64(CSV) }, base: { current: true }, out: join(dir, 'out') });
    expect(r.ok ? 'answered' : r.codes).toEqual(['ER_3526']);
  });
});
