/**
 * The wall clock stepped while reports wait for the time window (extends test/integration/service-clock.test.ts, which
 * covers the retry interval and the retry limit across steps): only the wall clock moves (libfaketime, monotonic
 * real). A report held by a closed window goes once a step puts the clock inside it; after a step back out of it a new
 * report is held, not sent on the old reading; the steps are logged (ER_6030); nothing is expired.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCenter, startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';
import { type Receiver } from '../helpers/peers/https-receiver.js';
import { activeMachine } from '../helpers/faults/active-machine.js';
import { serviceProbes } from '../helpers/faults/probes.js';
import { libfaketime } from '../helpers/faults/fast-forward.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad = (n: number) => String(n).padStart(2, '0');
/** A two-hour window every day that opens at least two hours from now (local time), and the seconds to its middle. */
function windowAhead(now = new Date()): { window: string; toInside: number } {
  let open = now.getHours() + 3;
  if (open + 2 > 24) open = 1;
  const inside = new Date(now);
  inside.setHours(open, 30, 0, 0);
  if (inside <= now) inside.setDate(inside.getDate() + 1);
  return { window: `${pad(open)}:00-${pad(open + 2)}:00`, toInside: Math.round((inside.getTime() - now.getTime()) / 1000) };
}

let base: string;
let receiver: Receiver;
let machine: Machine;
let service: ServiceProcess | undefined;
let offsetFile: string;
const plan = windowAhead();
const { log, status, event } = serviceProbes(
  () => machine,
  () => service,
);
const setClock = (seconds: number) => writeFile(offsetFile, `+${seconds}\n`);
const delivered = (id: string) => receiver.received.filter((r) => r.reportId === id).length;
const settle = () => new Promise((r) => setTimeout(r, 2_000));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-fault-clock-'));
  offsetFile = join(base, 'faketime');
  const center = await startCenter(base);
  receiver = center.receiver;
  machine = await activeMachine(base, {
    url: receiver.url,
    caFile: center.caFile,
    settings: ['suppression.use', 'off', ...DAYS.flatMap((d) => [`schedule.window.${d}`, plan.window])],
  });
  await setClock(0);
  service = await startService(machine, ['--no-os-events'], {
    LD_PRELOAD: libfaketime(),
    FAKETIME_TIMESTAMP_FILE: offsetFile,
    FAKETIME_NO_CACHE: '1',
    DONT_FAKE_MONOTONIC: '1',
  });
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('the wall clock stepped while reports wait for the time window', () => {
  it('into the window: the held report goes; back out of it: a new report is held, not sent', async () => {
    const started = Date.now();
    const held = await event();
    await settle();
    expect(delivered(held)).toBe(0);
    const before = await status();
    expect(before.reports?.find((r) => r.id === held)).toMatchObject({ phase: 'waiting', attempts: 0 });

    await setClock(plan.toInside); // into the window
    const inside = await event(); // an accepted report wakes the loop, which reads the new clock
    await until(() => delivered(held) === 1 && delivered(inside) === 1, 20_000, 'both reports inside the window', log);

    await setClock(0); // back out of it
    const after = await event();
    await settle();
    expect(delivered(after)).toBe(0); // not sent on the old reading
    const s = await status();
    expect(s.reports?.find((r) => r.id === after)).toMatchObject({ phase: 'waiting', attempts: 0 });
    expect(Date.parse(s.nextRetry ?? '')).toBeGreaterThan(Date.now()); // waits for the opening on the new clock
    expect([s.pending, s.expired]).toEqual([1, 0]);
    await until(() => (log().match(/ER_6030/g) ?? []).length >= 2, 10_000, 'both steps to be logged', log);
    expect(log()).toMatch(/ER_6030 The system clock was set forward/);
    expect(log()).toMatch(/ER_6030 The system clock was set back/);
    expect(delivered(held) + delivered(inside)).toBe(2);
    console.log(
      `faults/clock: window ${plan.window}, step +${plan.toInside} s and back; 3 accepted, 2 delivered once, 1 held visibly; ${Date.now() - started} ms`,
    );
  }, 60_000);
});
