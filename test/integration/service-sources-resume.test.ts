/**
 * The service process resumes its syslog file where it stopped (position-store.ts): lines logged while it was down
 * — killed (-9), stopped (SIGTERM), or with the file rotated meanwhile — reach the center (HTTPS receiver on
 * loopback) after the restart. Before, every start read from the file's end and these lines were never reported.
 */
import { appendFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activatedMachine, startCenter, startService, until, type Center, type Machine, type ServiceProcess } from '../helpers/service-process.js';

const TAG = /resume line (\d+)/;
let base: string;
let center: Center;
let machine: Machine;
let svc: ServiceProcess | undefined;
const arrived = new Set<string>();
/** RFC 3164, logged now (local time): a line older than the retry limit is skipped after a stop. */
const bsd = (d: Date) => `${d.toLocaleString('en-US', { month: 'short' })} ${String(d.getDate()).padStart(2)} ${d.toTimeString().slice(0, 8)}`;
const line = (n: number) => `${bsd(new Date())} host disk: resume line ${n} bad block [0xC0040007]\n`;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-sources-resume-'));
  center = await startCenter(base, (r) => {
    const message = (r.report as { event?: { message?: string } } | undefined)?.event?.message ?? '';
    const n = TAG.exec(message)?.[1];
    if (n) arrived.add(n);
    return { status: 200, body: '{"accepted":true}' };
  });
  machine = await activatedMachine(base, {
    url: center.receiver.url,
    caFile: center.caFile,
    settings: ['suppression.use', 'off', 'schedule.retry.limitHours', '2'], // 2 h: the catch-up's time bound
    state: 'active',
  });
}, 120_000);
afterAll(async () => {
  await svc?.stop();
  await center?.receiver.close();
  await rm(base, { recursive: true, force: true });
});

const syslog = () => join(base, 'syslog');
const start = async () => {
  svc = await startService(machine, ['--journalctl', join(base, 'no-journalctl'), '--syslog-file', syslog()]);
};
const delivered = (...n: number[]) =>
  until(
    () => n.every((x) => arrived.has(String(x))),
    60_000,
    `lines ${n.join(', ')} at the center`,
    () => svc?.log() ?? '',
  );
const kill = async () => {
  const s = svc!;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGKILL');
  await exited;
};

describe('the service resumes its syslog file after a stop', () => {
  it('reports the lines logged while it was killed, stopped, and rotated away', async () => {
    await writeFile(syslog(), line(0)); // before the first start: not reported (no saved position: the end)
    await start();
    await appendFile(syslog(), line(1));
    await delivered(1);

    await kill();
    await appendFile(syslog(), line(2));
    await start();
    await delivered(2);

    await svc!.stop();
    await appendFile(syslog(), line(3));
    await start();
    await delivered(3);

    await svc!.stop();
    await rename(syslog(), `${syslog()}.1`);
    await writeFile(syslog(), line(4));
    await start();
    await delivered(4);
    expect(svc!.log()).toMatch(/ER_6404 .*while the service was stopped/);
    await appendFile(syslog(), line(5));
    await delivered(5);
    expect(arrived.has('0')).toBe(false);
  }, 180_000);

  it('bounds the catch-up after a long stop: the last 16 MiB, no line older than the retry limit', async () => {
    // 20 MiB logged while stopped, 3 h old: the last 16 MiB are read (ER_9212), their lines older than the retry
    // limit (2 h here) skipped with one count (ER_9213), and the line logged now is reported.
    if (!svc) await start(); // run alone: a first start keeps the end as its position
    await svc!.stop();
    const old = `${new Date(Date.now() - 3 * 3_600_000).toISOString()} host disk: hours old [0xC0040007] ${'x'.repeat(2000)}\n`;
    const count = Math.ceil((20 * 1024 * 1024) / old.length);
    await appendFile(syslog(), old.repeat(count) + line(6));
    await start();
    await delivered(6);
    expect(svc!.log()).toMatch(/ER_9212 .*bytes behind its end/);
    expect(svc!.log()).toMatch(/ER_9213 .*line\(s\) logged more than the retry limit \(2 h\) ago were skipped/); // the setting's
  }, 180_000);
});
