/**
 * Clock steps against the real service process and a real HTTPS receiver (docs/delivery.md, "Clock steps"). The
 * service runs under libfaketime: its wall clock is read from a file at every call (FAKETIME_TIMESTAMP_FILE with
 * FAKETIME_NO_CACHE=1), so the test steps it while the service runs; CLOCK_MONOTONIC stays real (DONT_FAKE_MONOTONIC=1),
 * as it does when an administrator or NTP steps a real clock. The command line (status) runs on the real clock. The
 * retry interval is its minimum, 1 minute, so each case waits about a minute of real time. Each case has its own
 * machine (config and state folders), so what one leaves waiting cannot show in the other's status.
 */
import { describe, it, expect, beforeAll, beforeEach, afterAll, afterEach } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startService, until, type Machine, type ServiceProcess } from '../helpers/service-process.js';

/** Debian's libfaketime (package libfaketime), wherever the architecture puts it. */
function libfaketime(): string {
  const found = readdirSync('/usr/lib')
    .map((d) => join('/usr/lib', d, 'faketime', 'libfaketime.so.1'))
    .find((p) => existsSync(p));
  if (!found) throw new Error('libfaketime is not installed (apt-get install libfaketime; scripts/system-packages.sh does)');
  return found;
}

let base: string;
let pki: ReturnType<typeof makeTestPki>;
let receiver: Receiver;
let machine: Machine;
let service: ServiceProcess | undefined;
/** The center answers 503 (a failure worth retrying) while down. */
let down = true;
let offsetFile: string;
const DAY = 86_400_000;
const log = () => service?.log() ?? '';

type Status = {
  pending: number;
  expired: number;
  nextRetry?: string;
  startedAt: string;
  lastFailure?: { at: string; reportId: string };
  reports?: Array<{ id: string; attempts: number; phase: string; nextAttemptAt?: string }>;
};
const status = async () => JSON.parse((await machine.cli(['status', '--json'])).out) as Status;
/** Steps the service's wall clock: libfaketime's offset from the real time ("+1d", "+0"). */
const setClock = (offset: string) => writeFile(offsetFile, `${offset}\n`);
const attemptsAt = (id: string) => receiver.received.filter((r) => r.reportId === id).length;

async function startFaked(offset: string): Promise<void> {
  await setClock(offset);
  service = await startService(machine, ['--no-os-events'], {
    LD_PRELOAD: libfaketime(),
    FAKETIME_TIMESTAMP_FILE: offsetFile,
    FAKETIME_NO_CACHE: '1',
    DONT_FAKE_MONOTONIC: '1',
  });
}

async function event(): Promise<string> {
  const r = await machine.cli(['event', '--source', 'atapi', '--id', '0xc0040006']);
  const e = JSON.parse(r.out.trim().split('\n').at(-1)!) as { result: string; reportId: string };
  expect(e.result, r.err).toBe('accepted');
  return e.reportId;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-svc-clock-'));
  offsetFile = join(base, 'faketime');
  pki = makeTestPki();
  receiver = await startReceiver(pki.server, () => (down ? { status: 503, body: 'down for maintenance' } : { status: 200, body: '{"accepted":true}' }));
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
}, 60_000);

beforeEach(async () => {
  // The test and activation notifications that make the machine active need the center up; each test sets `down` itself.
  const was = down;
  down = false;
  machine = await activatedMachine(await mkdtemp(join(base, 'machine-')), {
    url: receiver.url,
    caFile: join(base, 'ca.pem'),
    settings: ['suppression.use', 'off', 'schedule.retry.intervalMinutes', '1'],
    state: 'active',
  }).finally(() => {
    down = was;
  });
}, 120_000);

afterEach(async () => {
  await service?.stop();
  service = undefined;
});

afterAll(async () => {
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('clock steps under the running service (libfaketime)', () => {
  it('started a day ahead, then set back: the retry comes one interval later, status is not future-dated, the step is logged', async () => {
    down = true;
    await startFaked('+1d');
    const id = await event();
    await until(async () => (await status()).lastFailure?.reportId === id, 30_000, 'the first attempt to fail', log);
    const ahead = await status();
    // The fake clock is in effect: what the service recorded is a day ahead of the real time.
    expect(Date.parse(ahead.lastFailure!.at)).toBeGreaterThan(Date.now() + DAY - 3_600_000);

    await setClock('+0'); // NTP puts the clock right
    const after = await status();
    const now = Date.now();
    // Soft: each of these is its own defect of the old code; the retry below is checked whatever they say.
    expect.soft(Date.parse(after.lastFailure!.at), 'last failure').toBeLessThanOrEqual(now);
    expect.soft(Date.parse(after.startedAt), 'started at').toBeLessThanOrEqual(now);
    expect.soft(Date.parse(after.nextRetry ?? ''), 'next retry').toBeLessThanOrEqual(now + 60_000);
    expect.soft(Date.parse(after.reports!.find((r) => r.id === id)!.nextAttemptAt!), 'its next attempt').toBeLessThanOrEqual(now + 60_000);
    await until(() => log().includes('ER_6030'), 10_000, 'the step to be logged', log).catch((e: Error) => expect.soft(e.message).toBe(''));
    expect.soft(log()).toMatch(/WARN ER_6030 The system clock was set back by 2\d\.\d h/);

    down = false;
    await until(() => attemptsAt(id) >= 2, 100_000, 'the retry one interval after the failure', log);
    await until(async () => (await status()).pending === 0, 10_000, 'the report to leave the queue', log);
    expect(attemptsAt(id)).toBe(2);
  }, 180_000);

  it('a step forward of four days does not expire a report accepted seconds earlier', async () => {
    down = true;
    await startFaked('+0');
    const id = await event();
    await until(async () => (await status()).reports?.find((r) => r.id === id)?.attempts === 1, 30_000, 'the first attempt to fail', log);
    await setClock('+4d');
    await until(() => attemptsAt(id) === 2, 100_000, 'the second attempt, one interval later', log);
    await until(async () => (await status()).reports?.find((r) => r.id === id)?.attempts === 2, 10_000, 'its outcome to be recorded', log);
    const s = await status();
    expect(s.expired).toBe(0);
    expect(s.reports!.find((r) => r.id === id)!.phase).toBe('waiting');
    expect(log()).not.toContain('ER_2102');
    expect(log()).toMatch(/WARN ER_6030 The system clock was set forward by 9\d\.\d h/);
  }, 180_000);
});
