import { describe, it, expect } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHost } from '../../service/host-factory.js';
import { type NodeHost } from '../../shared/node/host/host.js';
import { type ActivationRequest } from '../../shared/host/api.js';
import { FIXTURE_DIR, loadIssued, samplePayload, signExtension, signKeyFile, SAMPLE_USER_SYSTEM_CODE } from '../fixtures/keyfile/generate.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const env = { EXPRESS_REPORT_KEYFILE_CA: join(FIXTURE_DIR, 'test-ca.pem') };
const signer = loadIssued(FIXTURE_DIR, 'signer');
const center = loadIssued(FIXTURE_DIR, 'center');

async function setup(): Promise<{ host: NodeHost; dir: string; config: string }> {
  const dir = await tmp();
  const host = await createHost({ configDir: join(dir, 'config'), stateDir: join(dir, 'state') }, env);
  return { host, dir, config: join(dir, 'config') };
}

async function keyFileFor(dir: string, serverName: string): Promise<string> {
  const p = { ...samplePayload(center.certPem, '2098-12-31', '2026-11-25'), serverName };
  const path = join(dir, `${serverName}.key`);
  await writeFile(path, signKeyFile(p, signer));
  return path;
}

const machine = {
  'machine.serverName': 'SERVER001',
  'machine.deviceCode': 'N8100-1234',
  'machine.serialNumber': '00000001',
  'machine.warrantyNumber': '99999999',
};
const keycode = (extra: Partial<ActivationRequest> = {}): ActivationRequest => ({
  method: 'keycode',
  service: 'https',
  values: { 'activation.keyCode': '01239', 'activation.replyMail': 'reply@example.jp', ...machine },
  optionDevices: [],
  ...extra,
});

async function allText(dir: string): Promise<string> {
  let s = '';
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) s += await readFile(join(e.parentPath, e.name), 'latin1');
  return s;
}

describe('NodeHost', () => {
  it('creates a default config folder on first start and logs it', async () => {
    const { host } = await setup();
    expect((await host.snapshot()).problems).toEqual([]);
    expect((await host.eventLog()).map((e) => e.code)).toEqual(['ER_6002']);
  });

  it('activates with a key code: configured, HTTPS route, no S/MIME, and the files validate', async () => {
    const { host } = await setup();
    const r = await host.activate(keycode({ optionDevices: [{ name: 'ディスク', deviceCode: 'N8103-1', serialNumber: 'A1' }] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.snapshot.settings;
    expect([s['activation.state'], s['activation.method'], s['express.route'], s['mail.smime'], s['machine.serverName']]).toEqual([
      'configured',
      'keycode',
      'https',
      false,
      'SERVER001',
    ]);
    expect(r.snapshot.optionDevices).toHaveLength(1);
    expect(r.snapshot.problems).toEqual([]);
  });

  it('refuses a 6-digit key code and missing machine fields, writing nothing', async () => {
    const { host, config } = await setup();
    const before = await allText(config);
    const r = await host.activate(keycode({ values: { 'activation.keyCode': '012345', 'activation.replyMail': 'reply@example.jp' } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.field, p.code])).toEqual(expect.arrayContaining([['activation.keyCode', 'ER_3003']]));
    expect(await allText(config)).toBe(before);
  });

  it('activates with a key file for this machine: customer, destinations, expiry and the center certificate come from it', async () => {
    const { host, dir, config } = await setup();
    const name = (await host.snapshot()).hostName;
    const r = await host.activate({ method: 'keyfile', service: 'https', keyFile: { path: await keyFileFor(dir, name) }, values: {}, optionDevices: [] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.snapshot.settings;
    expect([s['customer.name'], s['activation.userSystemCode'], s['activation.expiry'], s['machine.serverName']]).toEqual([
      '日電　太郎',
      SAMPLE_USER_SYSTEM_CODE,
      '2098-12-31',
      name,
    ]);
    expect(r.snapshot.destinations?.url1).toBe('https://127.0.0.1:8443/Scripts/trsRecvAlert.cgi');
    expect(await readFile(join(config, 'center-cert.pem'), 'utf8')).toBe(center.certPem);
  });

  it('warns on a server name that differs from the host name; with 続行 the OS host name is registered', async () => {
    const { host, dir } = await setup();
    const keyFile = { path: await keyFileFor(dir, 'OTHERSRV') };
    const read = await host.readKeyFile(keyFile);
    expect(read).toMatchObject({ ok: true, hostNameMismatch: true, summary: { serverName: 'OTHERSRV' } });
    const refused = await host.activate({ method: 'keyfile', service: 'https', keyFile, values: {}, optionDevices: [] });
    expect(refused).toMatchObject({ ok: false, problems: [{ code: 'ER_3050' }] });
    const ok = await host.activate({ method: 'keyfile', service: 'https', keyFile, acceptHostNameMismatch: true, values: {}, optionDevices: [] });
    expect(ok.ok && ok.snapshot.settings['machine.serverName']).toBe((await host.snapshot()).hostName);
  });

  it('re-activation needs confirmation and then erases every previous setting', async () => {
    const { host } = await setup();
    await host.activate(keycode());
    expect((await host.saveSettings({ values: { 'schedule.retry.intervalMinutes': '10' } })).ok).toBe(true);
    expect(await host.activate(keycode())).toMatchObject({ ok: false, problems: [{ code: 'ER_5001' }] });
    const again = await host.activate(keycode({ confirmReactivation: true }));
    expect(again.ok && again.snapshot.settings['schedule.retry.intervalMinutes']).toBe(5);
  });

  it('seals a typed secret, sends back only (set), and a (set) leaves it unchanged', async () => {
    const { host, dir } = await setup();
    const r = await host.saveSettings({ values: { 'https.proxy.password': 'Pa55-秘密' } });
    expect(r.ok && r.snapshot.settings['https.proxy.password']).toBe('(set)');
    const routes = await readFile(join(dir, 'config', 'routes.ini'), 'utf8');
    const sealed = /ProxyPassword=(sealed:v1:\S+)/.exec(routes)![1];
    await host.saveSettings({ values: { 'https.proxy.password': '(set)', 'https.timeoutSeconds': '30' } });
    expect(await readFile(join(dir, 'config', 'routes.ini'), 'utf8')).toContain(`ProxyPassword=${sealed}`);
    expect(await allText(dir)).not.toContain('Pa55');
  });

  it('check reports the problems of typed values without saving', async () => {
    const { host, dir } = await setup();
    const before = await allText(join(dir, 'config'));
    const ps = await host.check({ values: { 'activation.method': 'keyfile', 'customer.postalCode': '123' } });
    expect(ps.filter((p) => p.field === 'customer.postalCode').map((p) => p.code)).toEqual(['ER_3011']);
    expect(ps.filter((p) => p.field === 'customer.name').map((p) => p.code)).toEqual(['ER_3001']);
    const withSecret = await host.check({ values: { 'express.route': 'mail', 'mail.auth.use': 'on', 'mail.auth.password': 'typed-secret' } });
    expect(withSecret.filter((p) => p.field?.startsWith('mail.auth')).map((p) => [p.field, p.code])).toEqual([['mail.auth.user', 'ER_3001']]);
    expect(await allText(join(dir, 'config'))).toBe(before);
  });

  it('ends the service, and a valid extension key changes the expiry and resumes it', async () => {
    const { host, dir } = await setup();
    expect(await host.endService()).toMatchObject({ ok: false, problems: [{ code: 'ER_3051' }] });
    const name = (await host.snapshot()).hostName;
    await host.activate({ method: 'keyfile', service: 'https', keyFile: { path: await keyFileFor(dir, name) }, values: {}, optionDevices: [] });
    // サービスの終了 only once started (運用中): the activation notification's state, written as it writes it.
    expect(await host.endService()).toMatchObject({ ok: false, problems: [{ code: 'ER_3080' }] });
    const ini = join(dir, 'config', 'activation.ini');
    await writeFile(ini, (await readFile(ini, 'utf8')).replace(/^State=configured$/m, 'State=active'));
    const ended = await host.endService();
    expect(ended.ok && ended.snapshot.settings['activation.state']).toBe('ended');
    const earlier = signExtension(
      { format: 'express-report-extension/1', userSystemCode: SAMPLE_USER_SYSTEM_CODE, expiry: '2098-01-01', issuedAt: '2026-11-25' },
      signer,
    );
    expect(await host.extendExpiry({ key: earlier })).toMatchObject({ ok: false, problems: [{ code: 'ER_3042' }] });
    const later = signExtension(
      { format: 'express-report-extension/1', userSystemCode: SAMPLE_USER_SYSTEM_CODE, expiry: '2099-06-30', issuedAt: '2026-11-25' },
      signer,
    );
    const r = await host.extendExpiry({ key: later });
    expect(r.ok && [r.snapshot.settings['activation.expiry'], r.snapshot.settings['activation.state']]).toEqual(['2099-06-30', 'active']);
  });

  it('reads destinations from an AMHTPADR.INF without writing, saves them on OK, and refuses a broken one with located problems', async () => {
    const { host, config } = await setup();
    const before = await allText(config);
    const good = Buffer.from('[URL1]\r\nURL= https://center.example.jp/cgi\r\n').toString('base64');
    const r = await host.readDestinations({ name: 'AMHTPADR.INF', contentBase64: good });
    expect(r.ok && r.destinations).toEqual({ url1: 'https://center.example.jp/cgi' });
    expect(await allText(config)).toBe(before);
    const saved = await host.saveSettings({ values: {}, ...(r.ok ? { destinations: r.destinations } : {}) });
    expect(saved.ok && saved.snapshot.destinations).toEqual({ url1: 'https://center.example.jp/cgi' });
    const bad = Buffer.from('[URL2]\r\nURL= ftp://x\r\n').toString('base64');
    const refused = await host.readDestinations({ name: 'AMHTPADR.INF', contentBase64: bad });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.map((p) => [p.file, p.code])).toEqual([
      ['AMHTPADR.INF', 'ER_4003'],
      ['AMHTPADR.INF', 'ER_4006'],
    ]);
  });

  it('keeps the event log across restarts', async () => {
    const { host, dir } = await setup();
    await host.saveSettings({ values: { 'schedule.retry.limitHours': '48' } });
    const again = await createHost({ configDir: join(dir, 'config'), stateDir: join(dir, 'state') }, env);
    expect((await again.eventLog()).map((e) => e.text.en)).toEqual([expect.stringContaining('Wrote the default settings'), 'Settings saved (schedule.ini)']);
  });
});
