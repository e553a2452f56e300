/**
 * Issue 16, growth: the spool with 1k, 10k and 100k reports waiting and as many sent, written straight in the spool's
 * own format (test/helpers/spool-records.ts). Per size: in this process, Spool.open and the spool's cost per delivery
 * (the delivery loop with a route that answers at once: what is left is the spool's own work, its fsyncs included);
 * then the real service on that folder: start-up (spawn → ready), resident memory once ready, one status query, and
 * its first 200 deliveries over HTTPS. Each figure's ratio is to the 1k figure of the same run.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultSettings } from '../shared/settings/schema.js';
import { DeliveryLoop } from '../service/delivery/loop.js';
import { type Route } from '../service/routes/route.js';
import { Spool } from '../service/spool/spool.js';
import { fillSpool } from '../test/helpers/spool-records.js';
import { weekFromSettings } from '../shared/schedule/window.js';
import { type BenchFigure, type BenchResult } from './lib.js';
import { sleep, startBenchService } from './bench-service.js';

const DELIVERIES = 200;
const instant: Route = { name: 'instant', send: () => Promise.resolve({ ok: true, detail: '200 OK' }) };

/** The heap in use after a full collection, when the process runs with --expose-gc (else undefined). */
function heapNow(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  return process.memoryUsage().heapUsed;
}

async function rssMiB(pid: number): Promise<number> {
  return Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** The spool's cost per delivery: `DELIVERIES` reports through the loop with a route that answers at once. */
async function perDelivery(spool: Spool): Promise<number> {
  let left = DELIVERIES;
  const loop = new DeliveryLoop({
    spool,
    routeFor: () => instant,
    policy: () => ({ intervalMinutes: 5, limitHours: 72, week: weekFromSettings(Array<string>(7).fill('00:00-24:00')) }),
    state: () => 'active',
    held: () => left <= 0,
    context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
  });
  const unsubscribe = spool.onSettled(() => void left--);
  const t0 = performance.now();
  await loop.wake();
  const ms = (performance.now() - t0) / (DELIVERIES - left);
  await loop.stop();
  unsubscribe();
  return ms;
}

export async function run(opts: { sizes?: number[] } = {}): Promise<BenchResult> {
  const sizes = opts.sizes ?? (process.env.GROWTH_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const figures: BenchFigure[] = [];
  const first: Record<string, number> = {};
  const add = (name: string, n: number, value: number, unit: string, goal?: string) => {
    const key = name;
    if (first[key] === undefined) first[key] = value;
    figures.push({ name: `${name}, ${n / 1000}k`, value: +value.toFixed(2), unit, baseline: +first[key]!.toFixed(2), ...(goal ? { goal } : {}) });
  };
  const svc = await startBenchService();
  try {
    for (const n of sizes) {
      await svc.stop();
      for (const f of ['spool', 'sent', 'expired']) await rm(join(svc.stateDir, f), { recursive: true, force: true });
      let t0 = performance.now();
      await fillSpool(svc.stateDir, { pending: n, sent: n });
      const fillMs = performance.now() - t0;

      const heap0 = heapNow();
      t0 = performance.now();
      const spool = await Spool.open(svc.stateDir, { bootId: null, keepSent: Infinity });
      const openMs = performance.now() - t0;
      // What each record held costs (run with --expose-gc; every record of both folders is held by this open)
      const perRecord = heap0 === undefined ? undefined : (heapNow()! - heap0) / (2 * n);
      const delivery = await perDelivery(spool);

      t0 = performance.now();
      const arrivedBefore = svc.arrived.size;
      await svc.restart();
      const startMs = performance.now() - t0;
      const rss = await rssMiB(svc.child.pid!);
      t0 = performance.now();
      const status = await svc.client.status();
      const statusMs = performance.now() - t0;
      const t1 = performance.now();
      while (svc.arrived.size < arrivedBefore + DELIVERIES) await sleep(5);
      const httpsPer = (performance.now() - t1) / DELIVERIES;
      console.log(
        `growth ${n} waiting + ${n} sent (written in ${(fillMs / 1000).toFixed(1)} s): Spool.open ${openMs.toFixed(0)} ms, ` +
          `spool per delivery ${delivery.toFixed(2)} ms; service start-up ${startMs.toFixed(0)} ms, RSS ${rss.toFixed(1)} MiB, ` +
          `status ${statusMs.toFixed(0)} ms (pending ${status.pending}, ${status.reports?.length ?? 0} listed), HTTPS per delivery ${httpsPer.toFixed(2)} ms` +
          (perRecord === undefined ? '' : `; heap per record held ${perRecord.toFixed(0)} bytes`),
      );
      if (perRecord !== undefined) add('heap per record held (in process)', n, perRecord, 'bytes');
      add('Spool.open', n, openMs, 'ms');
      add('spool cost per delivery', n, delivery, 'ms', 'ratio ≤ 1.5');
      add('service start-up', n, startMs, 'ms');
      add('service RSS after start', n, rss, 'MiB');
      add('status query', n, statusMs, 'ms');
      add('HTTPS per delivery (service)', n, httpsPer, 'ms', 'ratio ≤ 1.5');
    }
    return { figures };
  } finally {
    await svc.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
