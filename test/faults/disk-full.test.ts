/**
 * Disk full against the running service (extends test/integration/service-disk-full.test.ts, which covers the drop
 * folder and a start on a full disk): the state folder and the config folder each on a small real tmpfs, filled until
 * ENOSPC. An event through the local API is refused with a coded answer (never "accepted" without its file); a report
 * whose attempt ends while the disk is full is not lost; a settings write (command line and the window's HostApi over
 * `serve`) is refused with a coded message and the previous file is left byte for byte. Space returns: all delivered.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { cannotMount, fill, mountTmpfs, ontoTmpfs, umount } from '../helpers/faults/mounts.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { answerOf, serviceProbes } from '../helpers/faults/probes.js';
import { startSwitchableCenter, type SwitchableCenter } from '../helpers/faults/switchable-center.js';
import { fastForward, type FastForward } from '../helpers/faults/fast-forward.js';
import { hostOverServe, type HostOverServe } from '../helpers/faults/host-over-serve.js';

const why = cannotMount();
if (why) console.warn(`faults/disk-full: SKIPPED, a tmpfs cannot be mounted here (${why}); it needs root or CAP_SYS_ADMIN.`);

let base: string;
let center: SwitchableCenter;
let machine: Machine;
let service: ServiceProcess | undefined;
let clock: FastForward;
let host: HostOverServe | undefined;
const mounted: string[] = [];
const { log, status, statusAnswers, sendEvent } = serviceProbes(
  () => machine,
  () => service,
);

beforeAll(async () => {
  if (why) return;
  base = await mkdtemp(join(tmpdir(), 'er-fault-disk-'));
  mkdirSync(join(base, 'state'));
  mountTmpfs(join(base, 'state'), '4m');
  mounted.push(join(base, 'state'));
  center = await startSwitchableCenter(base);
  machine = await activeMachine(base, {
    url: center.receiver.url,
    caFile: center.caFile,
    settings: ['suppression.use', 'off', 'schedule.retry.intervalMinutes', '1'],
  });
  await ontoTmpfs(machine.configDir, '256k');
  mounted.push(machine.configDir);
  clock = await fastForward(base, status);
  service = await startService(machine, ['--no-os-events'], clock.env);
  host = await hostOverServe(machine, base);
}, 120_000);

afterAll(async () => {
  await host?.close();
  await service?.stop();
  await center?.receiver.close();
  for (const m of mounted.reverse()) umount(m);
  if (base) await rm(base, { recursive: true, force: true });
});

describe.skipIf(why !== undefined)('disk full under the running service', () => {
  it('the state disk: an API event is refused coded, a failed attempt is kept, status answers; space returns: all delivered', async () => {
    center.up = false;
    const before = answerOf((await sendEvent()).out).reportId; // accepted; its first attempt meets a busy center
    await until(async () => (await status()).reports?.find((r) => r.id === before)?.problem?.code === 'ER_2008', 20_000, 'the first attempt to fail', log);

    const filler = await fill(machine.stateDir);
    const mark = log().length;
    const refused = await sendEvent();
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/ER_1092 .*ER_1002 Cannot write .*spool.*ENOSPC/);
    expect(refused.out).not.toMatch(/accepted/);
    // The retry comes due while the disk is full and the center is up: sent, but its record cannot move to sent/.
    center.up = true;
    await clock.forward(90);
    await until(() => log().slice(mark).includes('ER_1052'), 20_000, 'the unsaved outcome to be logged', log);
    expect(center.delivered(before)).toBe(1);
    expect(log().slice(mark)).toMatch(/ER_1052 The outcome of report .*ENOSPC/);
    await statusAnswers();
    const full = await status(); // on a full disk the report still waits
    expect(full.reports?.find((r) => r.id === before)?.phase).toBe('waiting');
    expect(service!.child.exitCode).toBeNull();

    await rm(filler);
    const after = answerOf((await sendEvent()).out);
    expect(after.result).toBe('accepted');
    await clock.forward(90);
    await until(async () => (await status()).pending === 0, 30_000, 'the queue to empty', log);
    expect(center.delivered(after.reportId)).toBe(1);
    // The center had it already: the turn after the disk came back only recorded it (the old code sent it again).
    expect(center.delivered(before)).toBe(1);
    expect(await readdir(join(machine.stateDir, 'sent'))).toEqual(expect.arrayContaining([`${before}.json`, `${after.reportId}.json`]));
    expect((await status()).expired).toBe(0);
    console.log(`faults/disk-full state: 1 refused (ER_1092/ER_1002), 2 accepted, 2 delivered once, ${center.receiver.received.length} requests`);
  }, 90_000);

  it('the config disk: a settings write is refused coded, the previous file intact; the service keeps its settings', async () => {
    const file = join(machine.configDir, 'schedule.ini');
    const was = await readFile(file);
    const filler = await fill(machine.configDir);
    const names = await readdir(machine.configDir);
    const cli = await machine.cli(['config', 'set', 'schedule.retry.intervalMinutes', '7']);
    expect(cli.code).not.toBe(0);
    expect(cli.err).toMatch(/ER_1002 .*ENOSPC.*What was saved before is unchanged/);
    // The window's save (HostApi over serve's HTTP): refused with the same code, not an exception.
    const win = await host!.call('saveSettings', { values: { 'schedule.retry.intervalMinutes': '8' } });
    expect(win.ok).toBe(true);
    expect((win.result as { ok: boolean; problems: Array<{ code: string }> }).problems.map((p) => p.code)).toContain('ER_1002');
    expect(await readFile(file)).toEqual(was);
    expect(await readdir(machine.configDir)).toEqual(names); // no temp file left behind
    expect((await status()).pending).toBe(0);
    await rm(filler);
    const ok = await host!.call('saveSettings', { values: { 'schedule.retry.intervalMinutes': '7' } });
    expect((ok.result as { ok: boolean }).ok, JSON.stringify(ok)).toBe(true);
    await until(() => log().includes('ER_6012'), 15_000, 'the change to apply', log);
    expect((await machine.cli(['config', 'get', 'schedule.retry.intervalMinutes'])).out.trim()).toBe('7');
  }, 60_000);
});
