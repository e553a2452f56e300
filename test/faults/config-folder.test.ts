/**
 * The config folder removed while the service runs, then restored (extends test/integration/service-config-replaced
 * .test.ts, which checks the log lines and that a later change applies): meanwhile the service keeps its last good
 * settings and serves everything: an event through the local API is accepted and delivered, status answers, and the
 * window's settings write (HostApi over `serve`) is refused with a coded message instead of making a half folder.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCenter, startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { type Receiver } from '../helpers/peers/https-receiver.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { serviceProbes } from '../helpers/faults/probes.js';
import { hostOverServe, type HostOverServe } from '../helpers/faults/host-over-serve.js';

let base: string;
let receiver: Receiver;
let machine: Machine;
let service: ServiceProcess | undefined;
/** The file's folder, center, machine and service, as the other fault files name them. */
const fx = {
  get base() {
    return base;
  },
  get receiver() {
    return receiver;
  },
  get machine() {
    return machine;
  },
  log: () => service?.log() ?? '',
};
const config = () => fx.machine.configDir;
let host: HostOverServe | undefined;
const { status, statusAnswers, event } = serviceProbes(
  () => fx.machine,
  () => service,
);
const delivered = (id: string) => fx.receiver.received.filter((r) => r.reportId === id).length;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-fault-config-'));
  const center = await startCenter(base);
  receiver = center.receiver;
  machine = await activeMachine(base, { url: receiver.url, caFile: center.caFile, settings: ['suppression.use', 'off'] });
  service = await startService(machine, ['--no-os-events']);
  host = await hostOverServe(machine, base);
}, 60_000);
afterAll(async () => {
  await host?.close();
  await service?.stop();
  await receiver?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

describe('the config folder removed and restored under the running service', () => {
  it('keeps the last good settings and serves everything; a settings write is refused coded; restored: back', async () => {
    const started = Date.now();
    const files = (await readdir(config())).sort();
    await cp(config(), `${config()}.backup`, { recursive: true });
    const mark = fx.log().length;
    await rm(config(), { recursive: true, force: true });
    await until(() => /ER_1060/.test(fx.log().slice(mark)), 15_000, 'the removal to be seen', fx.log);

    expect((await status()).state).toBe('active');
    await statusAnswers();
    const during = await event();
    await until(() => delivered(during) === 1, 20_000, 'the report accepted while the folder is gone', fx.log);

    const save = await host!.call<{ ok: boolean; problems: Array<{ code: string }> }>('saveSettings', { values: { 'schedule.retry.intervalMinutes': '9' } });
    expect(save.ok).toBe(false);
    expect((save as unknown as { problems: Array<{ code: string }> }).problems.map((p) => p.code)).toEqual(['ER_1005']);
    expect(existsSync(config())).toBe(false); // no half folder made by the write

    await cp(`${config()}.backup`, config(), { recursive: true });
    await until(() => fx.log().slice(mark).includes('ER_6014'), 15_000, 'the folder to be seen back', fx.log);
    expect((await readdir(config())).sort()).toEqual(files);
    const after = await event();
    await until(() => delivered(after) === 1, 20_000, 'the report after the restore', fx.log);
    const ok = await host!.call<{ ok: boolean }>('saveSettings', { values: { 'schedule.retry.intervalMinutes': '9' } });
    expect(ok.result?.ok, JSON.stringify(ok)).toBe(true);
    const s = await status();
    expect([s.pending, s.expired]).toEqual([0, 0]);
    expect(fx.log()).not.toMatch(/\n\s+at /);
    console.log(`faults/config-folder: 2 accepted, 2 delivered once, ${Date.now() - started} ms`);
  }, 60_000);
});
