/**
 * The mail server dropping the connection in the middle of DATA under the running service (mail route): the report's
 * attempt ends in a coded problem, it waits, status answers and a new event is accepted meanwhile; after the retry
 * interval (libfaketime, test/helpers/faults/fast-forward.ts) the server takes it whole, once.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCenter, startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { type Receiver } from '../helpers/peers/https-receiver.js';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { mailRouteSettings } from '../helpers/mail-route.js';
import { startDroppingSmtp, type DroppingSmtp } from '../helpers/faults/dropping-smtp.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { serviceProbes } from '../helpers/faults/probes.js';
import { fastForward, type FastForward } from '../helpers/faults/fast-forward.js';

let base: string;
let center: Receiver;
let smtp: DroppingSmtp;
let machine: Machine;
let service: ServiceProcess | undefined;
let clock: FastForward;
let dropping = 0;
const { log, status, statusAnswers, event } = serviceProbes(
  () => machine,
  () => service,
);
const delivered = (id: string) => smtp.received.filter((r) => r === id).length;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-fault-smtp-'));
  const c = await startCenter(base); // the center that made the machine active (test and activation notifications)
  center = c.receiver;
  smtp = await startDroppingSmtp(makeTestPki().server, () => dropping-- > 0);
  machine = await activeMachine(base, {
    url: center.url,
    caFile: c.caFile,
    settings: ['suppression.use', 'off', 'schedule.retry.intervalMinutes', '1'],
  });
  const set = await machine.cli(['config', 'set', ...mailRouteSettings(smtp.port)]);
  expect(set.code, set.err).toBe(0);
  clock = await fastForward(base, status);
  service = await startService(machine, ['--no-os-events'], clock.env);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await smtp?.close();
  await center?.close();
  await rm(base, { recursive: true, force: true });
});

describe('the mail server dropping the connection mid-DATA', () => {
  it('the attempt ends coded, the report waits; after the retry interval it arrives whole, once', async () => {
    const started = Date.now();
    dropping = 1;
    const id = await event();
    await until(async () => (await status()).reports?.find((r) => r.id === id)?.problem !== undefined, 30_000, 'the attempt to fail', log);
    const failed = (await status()).reports!.find((r) => r.id === id)!;
    expect(smtp.dropped).toBe(1);
    expect(failed.phase).toBe('waiting');
    expect(failed.problem!.code).toMatch(/^ER_2\d{3}$/);
    expect(delivered(id)).toBe(0);
    await statusAnswers();
    const other = await event(); // intake and the route go on for the next report
    await until(() => delivered(other) === 1, 30_000, 'the next report to go', log);

    await clock.forward(90);
    await until(async () => (await status()).pending === 0, 30_000, 'the retry to deliver', log);
    expect(delivered(id)).toBe(1);
    expect(delivered(other)).toBe(1);
    expect((await status()).expired).toBe(0);
    expect(log()).not.toMatch(/\n\s+at /);
    console.log(`faults/smtp: ${failed.problem!.code} (${failed.problem!.message.en}); 2 accepted, 2 delivered once, ${Date.now() - started} ms`);
  }, 90_000);
});
