/**
 * Issue 16, intake: how many events per second become durable reports, against the raw rate of the same disk measured in
 * the same run (write + fsync + rename + folder fsync, one file after another, in the state folder's file system):
 * the local API (concurrent callers through ServiceClient), the drop folder, and the spool alone in this process; then
 * event → delivered p50/p90/p99 one at a time against a plain HTTPS POST to the same receiver (latency-ab.ts).
 */
import { randomBytes } from 'node:crypto';
import { readdir, rename, writeFile, open, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type BenchFigure, type BenchResult } from './lib.js';
import { sleep, startBenchService } from './bench-service.js';
import { interleaved, latencyFigures } from './latency-ab.js';
import { Spool } from '../service/spool/spool.js';
import { DropFolder } from '../service/sources/drop-folder.js';

/** One durable file after another, the way a spool write without group commit does it. */
async function rawRate(dir: string, n: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  const body = randomBytes(400).toString('hex');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const tmp = join(dir, `.r${i}.tmp`);
    const fh = await open(tmp, 'wx', 0o600);
    await fh.writeFile(body);
    await fh.sync();
    await fh.close();
    await rename(tmp, join(dir, `r${i}.json`));
    const d = await open(dir, 'r');
    await d.sync();
    await d.close();
  }
  const rate = n / ((performance.now() - t0) / 1000);
  await rm(dir, { recursive: true, force: true });
  return rate;
}

const machine = { serverName: 'BENCH', deviceCode: 'N8100-2810', serialNumber: '1', userSystemCode: '1' };

export async function run(opts: { events?: number; callers?: number; rounds?: number } = {}): Promise<BenchResult> {
  const events = opts.events ?? 1000;
  const callers = opts.callers ?? 16;
  const figures: BenchFigure[] = [];
  const svc = await startBenchService();
  try {
    const raw = await rawRate(join(svc.base, 'raw'), 300);
    console.log(`intake raw disk rate (write+fsync+rename+folder fsync, one after another): ${raw.toFixed(0)}/s`);
    figures.push({ name: 'raw disk rate (baseline)', value: Math.round(raw), unit: '/s' });

    // The spool alone, in this process: `events` accepts at once.
    const spool = await Spool.open(join(svc.base, 'spool-only'), { bootId: null });
    let t0 = performance.now();
    await Promise.all(
      Array.from({ length: events }, (_, i) =>
        spool.accept({ kind: 'failure', machine, event: { source: 'disk', id: 7, time: new Date().toISOString(), message: `s ${i}` } }),
      ),
    );
    const spoolRate = events / ((performance.now() - t0) / 1000);
    console.log(
      `intake spool.accept x${events} at once (in process): ${spoolRate.toFixed(0)}/s = ${(spoolRate / raw).toFixed(2)}x raw (${spool.commits.batches} group commits, largest ${spool.commits.largest})`,
    );
    figures.push({ name: `spool.accept, ${events} at once`, value: Math.round(spoolRate), unit: '/s', baseline: Math.round(raw), goal: 'ratio ≥ 0.5' });

    // The drop folder alone, in this process: `events` files already there, taken one at a time (the old way) and up
    // to 64 at once, each into a spool of its own; the ratio is to the one-at-a-time rate of the same run.
    const dropRates: Record<number, number> = {};
    for (const inFlight of [1, 64]) {
      const dir = join(svc.base, `drop-only-${inFlight}`);
      await mkdir(dir, { recursive: true });
      for (let i = 0; i < events; i++) await writeFile(join(dir, `e${i}.json`), JSON.stringify({ source: 'disk', id: '0xc0040007', message: `d ${i}` }));
      const into = await Spool.open(join(svc.base, `drop-spool-${inFlight}`), { bootId: null });
      const folder = new DropFolder(
        dir,
        (e) => into.accept({ kind: 'failure', machine, event: { source: e.source, id: e.id, time: new Date().toISOString(), message: e.message } }),
        (p) => console.log(`drop folder: ${p.code}`),
        { inFlight },
      );
      t0 = performance.now();
      await folder.scan();
      dropRates[inFlight] = events / ((performance.now() - t0) / 1000);
      await folder.stop();
      if (into.counts().pending !== events) throw new Error(`drop folder lost files: ${into.counts().pending} of ${events}`);
      console.log(
        `intake drop folder in process, ${events} files, ${inFlight} at once: ${dropRates[inFlight]!.toFixed(0)}/s = ${(dropRates[inFlight]! / raw).toFixed(2)}x raw (${into.commits.batches} group commits)`,
      );
    }
    figures.push({
      name: `drop folder in process, 64 at once (vs 1 at a time)`,
      value: Math.round(dropRates[64]!),
      unit: '/s',
      baseline: Math.round(dropRates[1]!),
    });

    // The local API: `callers` clients, each sending its share one after another (as many `event` commands would).
    const before = svc.arrived.size;
    let next = 0;
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async () => {
        for (let i = next++; i < events; i = next++) {
          const r = await svc.client.event({ source: 'disk', id: '0xc0040007', message: `burst ${i}` });
          if (r.result !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(r)}`);
        }
      }),
    );
    const apiMs = performance.now() - t0;
    const apiRate = events / (apiMs / 1000);
    console.log(`intake local API, ${events} events from ${callers} callers: ${apiRate.toFixed(0)}/s = ${(apiRate / raw).toFixed(2)}x raw`);
    figures.push({
      name: `local API, ${events} events, ${callers} callers`,
      value: Math.round(apiRate),
      unit: '/s',
      baseline: Math.round(raw),
      goal: 'ratio ≥ 0.5',
    });
    while (svc.arrived.size < before + events) await sleep(10);
    const deliveredRate = events / ((performance.now() - t0) / 1000);
    console.log(`intake ... all ${events} delivered over HTTPS at ${deliveredRate.toFixed(0)} reports/s`);
    figures.push({ name: `API burst accepted and delivered (HTTPS)`, value: Math.round(deliveredRate), unit: 'reports/s' });

    // The drop folder: files written (tmp + rename, no fsync: the writer's side), timed until the service took them all.
    const drop = join(svc.stateDir, 'drop');
    const arrivedBefore = svc.arrived.size;
    t0 = performance.now();
    for (let i = 0; i < events; i++) {
      await writeFile(join(drop, `e${i}.tmp`), JSON.stringify({ source: 'disk', id: '0xc0040007', message: `drop ${i}` }));
      await rename(join(drop, `e${i}.tmp`), join(drop, `e${i}.json`));
    }
    while ((await readdir(drop)).some((n) => n.endsWith('.json'))) await sleep(5);
    const dropRate = events / ((performance.now() - t0) / 1000);
    console.log(`intake drop folder, ${events} files: taken at ${dropRate.toFixed(0)}/s = ${(dropRate / raw).toFixed(2)}x raw`);
    figures.push({ name: `drop folder, ${events} files`, value: Math.round(dropRate), unit: '/s', baseline: Math.round(raw), goal: 'ratio ≥ 0.5' });
    while (svc.arrived.size < arrivedBefore + events) await sleep(10);

    // Latency, one at a time, against a plain POST: interleaved (POST, resumed POST, event, ...) so both see the same
    // load, 1,000 rounds (a p99 of 200 samples on 2 cores was mostly noise).
    figures.push(...latencyFigures(await interleaved(svc, opts.rounds ?? 1000), 'intake'));
    return { figures };
  } finally {
    await svc.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
