/**
 * Issue 11, sections 1 and 3, on a real config folder and real peers (HTTPS receivers with a test CA, tinyproxy):
 * - 設定情報の変更 (updateRegistration) changes the registration only: the state stays 運用中 and routes, proxy, CA file,
 *   schedule and option devices are byte-for-byte what they were.
 * - 変更後未テスト: a change of what the center must re-learn is flagged (not a state drop), a successful test clears it.
 * - テスト通報 with a dialog's unsaved values (override): sent with them, nothing but the state written; refused values
 *   come back with their fields; the desktop app's path (the running service's local API) carries the override too.
 * - 通報サービスの状態 is a query: the event log does not grow.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { centerBehindProxy } from '../helpers/center-behind-proxy.js';
import { cli } from '../helpers/cli.js';
import { tempDirs } from '../helpers/tmp.js';
import { cliMachine } from '../helpers/cli-machine.js';
import { createHost } from '../../service/host-factory.js';
import { RESOURCES_DIR } from '../../service/app-paths.js';
import { ReportingService } from '../../service/daemon/service.js';
import { createNodeHost } from '../../shared/node/host/create.js';
import { type NodeHost } from '../../shared/node/host/host.js';
import { files } from '../helpers/folder-files.js';

const tmp = tempDirs();
const { pki, center, proxy } = centerBehindProxy();
let other: Receiver;

beforeAll(async () => {
  other = await startReceiver(pki.server);
}, 120_000);

afterAll(async () => {
  await other?.close();
});

interface Machine {
  host: NodeHost;
  dirs: { configDir: string; stateDir: string };
  base: string;
  caFile: string;
}

/** Activated by key code for HTTPS, its center on loopback behind tinyproxy, an option device, a changed schedule. */
async function machine(opts: { active?: boolean } = {}): Promise<Machine> {
  const { base, dirs, caFile } = await cliMachine(await tmp(), {
    who: 'SERVER001',
    url1: center.url,
    caPem: pki.ca.certPem,
    set: ['schedule.retry.limitHours', '48'],
  });
  const host = await createHost(dirs, {});
  const saved = await host.saveSettings({
    values: {
      'https.proxy.use': 'on',
      'https.proxy.host': '127.0.0.1',
      'https.proxy.port': String(proxy.port),
      'https.proxy.user': proxy.user,
      'https.proxy.password': proxy.password,
    },
    optionDevices: [{ name: '増設ディスク', deviceCode: 'N8103-1001', serialNumber: 'A0001' }],
  });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  if (opts.active !== false) {
    expect((await host.testNotify({})).ok).toBe(true);
    const a = await host.activateNotify({});
    expect(a.ok && a.snapshot.settings['activation.state']).toBe('active');
  }
  return { host, dirs, base, caFile };
}

describe('設定情報の変更 (updateRegistration)', () => {
  it("changes the comment and the dealer's SE on an active machine: still 運用中, everything else byte-identical", async () => {
    const { host, dirs } = await machine();
    const before = await files(dirs.configDir);
    const state = await files(dirs.stateDir);
    const r = await host.updateRegistration({
      values: { 'machine.comment': '2F rack 3', 'dealer.se.name': '鈴木' },
      optionDevices: [{ name: '増設ディスク', deviceCode: 'N8103-1001', serialNumber: 'A0001' }],
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.settings['activation.state']).toBe('active');
    expect(r.snapshot.settings['machine.comment']).toBe('2F rack 3');
    expect(r.snapshot.optionDevices).toHaveLength(1);
    expect(r.snapshot.untested).toBeUndefined();
    const after = await files(dirs.configDir);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toEqual(['/activation.ini']);
    expect(after['/routes.ini']).toContain(`Port=${proxy.port}`);
    expect(after['/routes.ini']).toContain('sealed:v1:');
    expect((await files(dirs.stateDir))['/tested-settings.json']).toBe(state['/tested-settings.json']);
    expect((await host.eventLog()).at(-1)).toMatchObject({ level: 'info', code: 'ER_6091' });
    // Reports still go: the next failure report's route is the one tested (the center still answers through the proxy).
    expect((await host.testNotify({})).ok).toBe(true);
  }, 60_000);

  it('refuses anything that is not registration information (ER_3060), and a machine not activated (ER_3051), writing nothing', async () => {
    const { host, dirs } = await machine({ active: false });
    const before = await files(dirs.configDir);
    const r = await host.updateRegistration({
      values: { 'machine.comment': 'x', 'express.route': 'off', 'activation.state': 'active', 'activation.keyCode': '99999' },
      optionDevices: [],
    });
    expect(r.ok ? [] : r.problems.map((p) => [p.field, p.code])).toEqual([
      ['express.route', 'ER_3060'],
      ['activation.state', 'ER_3060'],
      ['activation.keyCode', 'ER_3060'],
    ]);
    expect(!r.ok && r.problems[0]!.message.ja).toMatch(/^通報手段は設定情報の変更では変更できません/);
    expect(await files(dirs.configDir)).toEqual(before);

    const fresh = await createHost({ configDir: join(dirs.configDir, '..', 'fresh'), stateDir: join(dirs.stateDir, '..', 'fresh-state') }, {});
    const refused = await fresh.updateRegistration({ values: { 'machine.comment': 'x' }, optionDevices: [] });
    expect(refused.ok ? [] : refused.problems.map((p) => p.code)).toEqual(['ER_3051']);
  }, 60_000);
});

describe('変更後未テスト (changed since the last test)', () => {
  it('is set by a change of certificate or destinations (not of a comment or timeout), keeps 運用中, and a successful test clears it', async () => {
    const { host, base } = await machine();
    expect((await host.snapshot()).untested).toBeUndefined();
    const timeout = await host.saveSettings({ values: { 'https.timeoutSeconds': '90' } });
    expect(timeout.ok && timeout.snapshot.untested).toBeUndefined();

    const copy = join(base, 'copy-of-ca.pem');
    await writeFile(copy, pki.ca.certPem);
    const ca = await host.saveSettings({ values: { 'https.caFile': copy } });
    expect(ca.ok).toBe(true);
    if (!ca.ok) return;
    expect(ca.snapshot.settings['activation.state']).toBe('active');
    expect(ca.snapshot.untested?.areas).toEqual(['certificate']);
    expect(ca.warnings?.map((w) => w.code)).toEqual(['ER_6090']);
    expect((await host.eventLog()).at(-1)).toMatchObject({ level: 'warning', code: 'ER_6090' });

    const read = await host.readDestinations({
      name: 'AMHTPADR.INF',
      contentBase64: Buffer.from(`[URL1]\nURL= ${center.url}\n[URL2]\nURL= ${other.url}\n`).toString('base64'),
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const dest = await host.saveSettings({ values: {}, destinations: read.destinations });
    expect(dest.ok && dest.snapshot.untested?.areas).toEqual(['destinations', 'certificate']);
    // Only what is new is warned of again.
    expect(dest.ok && dest.warnings?.map((w) => w.message.en)).toEqual([expect.stringContaining('destinations changed')]);

    const tested = await host.testNotify({});
    expect(tested.ok && tested.snapshot.untested).toBeUndefined();
    expect(tested.ok && tested.snapshot.settings['activation.state']).toBe('active');
  }, 60_000);

  it('cannot be cleared by config set (the flag is derived from the settings, not stored as one)', async () => {
    const { host, dirs, base } = await machine();
    const copy = join(base, 'copy-of-ca.pem');
    await writeFile(copy, pki.ca.certPem);
    const r = await cli(['--config-dir', dirs.configDir, '--state-dir', dirs.stateDir, 'config', 'set', 'https.caFile', copy]);
    expect(r.code).toBe(0);
    expect((await host.snapshot()).untested?.areas).toEqual(['certificate']);
  }, 60_000);
});

describe("テスト通報 with the dialog's unsaved values", () => {
  it('sends with them and writes nothing but the state; a refused value comes back with its field, nothing sent', async () => {
    const { host, dirs, caFile } = await machine({ active: false });
    // The saved settings cannot reach the center: no proxy credentials, no CA file, URL1 elsewhere.
    await cli([
      '--config-dir',
      dirs.configDir,
      '--state-dir',
      dirs.stateDir,
      'config',
      'set',
      'https.proxy.use',
      'off',
      'https.caFile',
      '',
      'express.route',
      'off',
    ]);
    const before = await files(dirs.configDir);
    const seen = other.received.length;
    const r = await host.testNotify({
      resultMail: 'result@example.jp',
      override: { values: { 'express.route': 'https', 'https.caFile': caFile, 'https.proxy.use': 'on' }, destinations: { url1: other.url } },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(other.received.length).toBe(seen + 1);
    expect(other.received.at(-1)?.report).toMatchObject({ kind: 'test', target: 'primary' });
    const after = await files(dirs.configDir);
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual(['/activation.ini']);
    expect(after['/activation.ini']!.replace(/^State=.*$/m, '')).toBe(before['/activation.ini']!.replace(/^State=.*$/m, ''));
    expect(r.ok && r.snapshot.settings['express.route']).toBe('off');
    expect((await host.eventLog()).at(-1)?.text.ja).toContain('画面の未保存の値で');

    const bad = await host.testNotify({ override: { values: { 'https.timeoutSeconds': 'abc', 'activation.state': 'active' } } });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.field, p.code])).toEqual([
      ['activation.state', 'ER_3061'],
      ['https.timeoutSeconds', 'ER_3027'],
    ]);
    expect(other.received.length).toBe(seen + 1);
  }, 60_000);

  it("the desktop app's host sends the override through the running service, and the status query logs nothing", async () => {
    const { dirs, caFile } = await machine({ active: false });
    await cli(['--config-dir', dirs.configDir, '--state-dir', dirs.stateDir, 'config', 'set', 'https.caFile', '']);
    const desktop = await createNodeHost({ ...dirs, resourcesDir: RESOURCES_DIR, version: 'test' }, {});
    const quiet = (await desktop.eventLog()).length;
    expect(await desktop.serviceStatus()).toBeUndefined();
    expect((await desktop.eventLog()).length).toBe(quiet);
    const service = await ReportingService.start({ ...dirs, resourcesDir: RESOURCES_DIR, echo: () => undefined, osEvents: false });
    try {
      for (let i = 0; i < 3; i++) expect((await desktop.serviceStatus())?.pid).toBe(process.pid);
      expect((await desktop.eventLog()).length).toBe(quiet);
      const seen = other.received.length;
      const r = await desktop.testNotify({ override: { values: { 'https.caFile': caFile }, destinations: { url1: other.url } } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(other.received.length).toBe(seen + 1);
      expect(r.ok && r.snapshot.settings['https.caFile']).toBe('');
    } finally {
      await service.stop();
    }
  }, 60_000);
});
