/**
 * The configuration information after a 開局通報 sent with a dialog's unsaved values (the manual's order: テスト通報,
 * 開局通報, then OK): the running service sends it with the settings the 開局通報 went with once they are saved (the
 * dialog's OK), not at once with the settings saved before. Two real centers: the one saved before ("old") and the
 * one the dialog shows ("new"); the real service as its own process; notify() as serve's host calls it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { notify } from '../../service/notify/notify.js';
import { activationMarker } from '../../service/notify/activation-marker.js';
import { ConfigStore } from '../../shared/node/config-store.js';

let base: string;
let oldCenter: Receiver;
let newCenter: Receiver;
let m: Machine;
let service: ServiceProcess | undefined;

const kindsAt = (r: Receiver) => r.received.map((x) => (x.report as { kind: string }).kind);
const log = () => service?.log() ?? '';
const applied = () => log().split('ER_6012').length - 1;
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-svc-hold-'));
  const pki = makeTestPki();
  oldCenter = await startReceiver(pki.server);
  newCenter = await startReceiver(pki.server);
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  // Tested against the old center, which is what is saved; init's AMHTPHBI.INF is there (configuration information on).
  m = await activatedMachine(base, { url: oldCenter.url, caFile: join(base, 'ca.pem'), settings: ['suppression.use', 'off'], state: 'tested' });
  service = await startService(m, ['--no-os-events']);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await oldCenter?.close();
  await newCenter?.close();
  await rm(base, { recursive: true, force: true });
});

describe('configuration information after 開局通報 with unsaved values', () => {
  it("waits for the dialog's OK, then goes to the center the 開局通報 went to, at its first attempt", async () => {
    const before = applied();
    const r = await notify(m, { kind: 'activation', override: { values: {}, destinations: { url1: newCenter.url } } });
    expect(r).toMatchObject({ ok: true, state: 'active' });
    expect(kindsAt(newCenter)).toEqual(['activation']);
    // The service applied the 開局通報's state write: that alone is not the save it waits for.
    await until(() => applied() > before, 20_000, 'the service to apply the state write', log);
    expect(await exists(activationMarker(m.stateDir))).toBe(true);

    // The dialog's OK: the destinations it showed are saved.
    const store = await ConfigStore.open(m.configDir);
    await store.save({ ...store.config, inf: { ...store.config.inf, adr: { url1: newCenter.url } } });
    await until(() => kindsAt(newCenter).includes('heartbeat'), 30_000, 'the configuration information at the new center', log);
    expect(kindsAt(oldCenter)).not.toContain('heartbeat');
    expect(log()).not.toMatch(/ER_2101/);
    expect(await exists(activationMarker(m.stateDir))).toBe(false);
  }, 60_000);

  it("when the values are never saved (キャンセル), it goes at the service's next start", async () => {
    const r = await notify(m, { kind: 'activation', override: { values: {}, destinations: { url1: oldCenter.url } } });
    expect(r).toMatchObject({ ok: true, state: 'active' });
    expect(await exists(activationMarker(m.stateDir))).toBe(true);
    const sent = kindsAt(newCenter).filter((k) => k === 'heartbeat').length;
    await service!.stop();
    service = await startService(m, ['--no-os-events']);
    // With the settings saved: the new center, as it is saved.
    await until(() => kindsAt(newCenter).filter((k) => k === 'heartbeat').length > sent, 30_000, 'the configuration information after the restart', log);
    expect(await exists(activationMarker(m.stateDir))).toBe(false);
  }, 60_000);
});
