/**
 * Issue 4: event-to-delivered latency (p50, p90, p99; 1,000 events one at a time, each after its baseline: a plain HTTPS
 * POST from this process to the same receiver, latency-ab.ts) and reports per second against a local HTTPS receiver
 * (test CA); then the idle service's resident memory and CPU over 60 s. The service runs as its own process (`express-report service`, bench-service.ts), as in production.
 */
import { readFile } from 'node:fs/promises';
import { type BenchFigure, type BenchResult } from './lib.js';
import { sleep, startBenchService } from './bench-service.js';
import { interleaved, latencyFigures } from './latency-ab.js';

function procSample(pid: number): Promise<{ rssKiB: number; cpuTicks: number }> {
  return Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]).then(([status, stat]) => {
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssKiB, cpuTicks: Number(fields[11]) + Number(fields[12]) };
  });
}

export async function run(opts: { idleSeconds?: number; events?: number; rounds?: number } = {}): Promise<BenchResult> {
  const idleSeconds = opts.idleSeconds ?? 60;
  const events = opts.events ?? 200;
  const figures: BenchFigure[] = [];
  const svc = await startBenchService();
  try {
    const { client, arrived } = svc;
    // Event → delivered one at a time, interleaved with its baseline (a plain POST to the same receiver): latency-ab.ts.
    figures.push(...latencyFigures(await interleaved(svc, opts.rounds ?? 1000), 'service'));

    const burst = events;
    const before = arrived.size;
    const t0 = performance.now();
    // 16 callers each sending its share one after another (as many `event` commands would): the local API keeps at most
    // 32 connections and sheds the oldest idle one beyond that, so 200 sockets opened at once would be cut.
    let sent = 0;
    const accepted: Array<Awaited<ReturnType<typeof client.event>>> = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (sent < burst) accepted.push(await client.event({ source: 'disk', id: '0xc0040007', message: `burst ${sent++}` }));
      }),
    );
    const acceptedMs = performance.now() - t0;
    while (arrived.size < before + burst) await sleep(5);
    const total = performance.now() - t0;
    console.log(
      `service burst of ${burst}: accepted (fsync'd) in ${acceptedMs.toFixed(0)} ms (${(burst / (acceptedMs / 1000)).toFixed(0)}/s), all delivered in ${total.toFixed(0)} ms (${(burst / (total / 1000)).toFixed(1)} reports/s)`,
    );
    if (accepted.some((a) => a.result !== 'accepted')) throw new Error('a burst event was not accepted');
    figures.push({ name: `burst of ${burst} accepted`, value: Math.round(burst / (acceptedMs / 1000)), unit: '/s' });

    await sleep(2000);
    const a = await procSample(svc.child.pid!);
    await sleep(idleSeconds * 1000);
    const b = await procSample(svc.child.pid!);
    const ticks = b.cpuTicks - a.cpuTicks;
    console.log(
      `service idle ${idleSeconds} s: resident memory ${(b.rssKiB / 1024).toFixed(1)} MiB, CPU ${ticks} ticks (${((ticks / 100 / idleSeconds) * 100).toFixed(3)}% of one core)`,
    );
    figures.push({ name: `idle ${idleSeconds} s after the burst, RSS`, value: +(b.rssKiB / 1024).toFixed(1), unit: 'MiB' });
    return { figures };
  } finally {
    await svc.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ idleSeconds: Number(process.env.IDLE_SECONDS ?? 60) });
