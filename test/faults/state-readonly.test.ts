/**
 * The state folder turned read-only under the running service (a tmpfs remounted `ro`: as root a chmod would not stop
 * the service). An event through the local API is refused with a coded answer; a report whose attempt ends meanwhile is
 * delivered once and its outcome kept in memory (ER_1052) until the folder is writable again; status answers; the
 * service keeps running. Back to read-write: everything accepted is delivered, nothing twice.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { cannotMount, mountTmpfs, remount, umount } from '../helpers/faults/mounts.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { answerOf, serviceProbes } from '../helpers/faults/probes.js';
import { startSwitchableCenter, type SwitchableCenter } from '../helpers/faults/switchable-center.js';
import { fastForward, type FastForward } from '../helpers/faults/fast-forward.js';

const why = cannotMount();
if (why) console.warn(`faults/state-readonly: SKIPPED, a tmpfs cannot be mounted here (${why}); it needs root or CAP_SYS_ADMIN.`);

let base: string;
let center: SwitchableCenter;
let machine: Machine;
let service: ServiceProcess | undefined;
let clock: FastForward;
let mounted = false;
const { log, status, statusAnswers, sendEvent } = serviceProbes(
  () => machine,
  () => service,
);

beforeAll(async () => {
  if (why) return;
  base = await mkdtemp(join(tmpdir(), 'er-fault-ro-'));
  mkdirSync(join(base, 'state'));
  mountTmpfs(join(base, 'state'), '16m');
  mounted = true;
  center = await startSwitchableCenter(base);
  machine = await activeMachine(base, {
    url: center.receiver.url,
    caFile: center.caFile,
    settings: ['suppression.use', 'off', 'schedule.retry.intervalMinutes', '1'],
  });
  clock = await fastForward(base, status);
  service = await startService(machine, ['--no-os-events'], clock.env);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await center?.receiver.close();
  if (mounted) {
    remount(join(base, 'state'), 'rw');
    umount(join(base, 'state'));
  }
  if (base) await rm(base, { recursive: true, force: true });
});

describe.skipIf(why !== undefined)('the state folder read-only under the running service', () => {
  it('refuses new events coded, keeps what it delivered, serves status; read-write again: all delivered once', async () => {
    const started = Date.now();
    center.up = false;
    const before = answerOf((await sendEvent()).out).reportId;
    await until(async () => (await status()).reports?.find((r) => r.id === before)?.problem?.code === 'ER_2008', 20_000, 'the first attempt to fail', log);

    remount(machine.stateDir, 'ro');
    const mark = log().length;
    const refused = await sendEvent();
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/ER_1092 .*ER_1002 Cannot write .*spool.*EROFS/);
    expect(refused.out).not.toMatch(/accepted/);

    center.up = true;
    await clock.forward(90);
    await until(() => log().slice(mark).includes('ER_1052'), 20_000, 'the unsaved outcome to be logged', log);
    expect(log().slice(mark)).toMatch(/ER_1052 The outcome of report .*EROFS/);
    expect(center.delivered(before)).toBe(1);
    expect((await status()).reports?.find((r) => r.id === before)?.phase).toBe('waiting');
    await statusAnswers();
    // The operator's other writes: a pause (the service must write maintenance.json) is refused with the service's own
    // code, a settings change (config folder, elsewhere) is saved and applied; the old code ended both in ER_1097, as the
    // app event log (state folder) could not be appended to.
    const pause = await machine.cli(['pause', '--hours', '1', '--reason', 'disk check']);
    expect(pause.code).not.toBe(0);
    expect(pause.err).toMatch(/ER_\d{4}/);
    expect(pause.err).not.toContain('ER_1097');
    expect((await status()).maintenance).toBeUndefined();
    const set = await machine.cli(['config', 'set', 'schedule.retry.limitHours', '48']);
    expect(set.err).not.toContain('ER_1097');
    expect(set.code, set.err).toBe(0);
    await until(() => log().slice(mark).includes('ER_6012'), 15_000, 'the change to apply', log);
    expect(service!.child.exitCode).toBeNull();

    remount(machine.stateDir, 'rw');
    const after = answerOf((await sendEvent()).out);
    expect(after.result).toBe('accepted');
    await clock.forward(90);
    await until(async () => (await status()).pending === 0, 30_000, 'the queue to empty', log);
    expect(center.delivered(before)).toBe(1);
    expect(center.delivered(after.reportId)).toBe(1);
    expect(await readdir(join(machine.stateDir, 'sent'))).toEqual(expect.arrayContaining([`${before}.json`, `${after.reportId}.json`]));
    expect((await status()).expired).toBe(0);
    expect(log()).not.toMatch(/\n\s+at /);
    console.log(
      `faults/state-readonly: pause ${/ER_\d{4}/.exec(pause.err)?.[0]}, event ER_1092; 1 refused, 2 accepted, 2 delivered once, ${center.receiver.received.length} requests, ${Date.now() - started} ms`,
    );
  }, 90_000);
});
