/**
 * Where an event's time goes on its way to the center: the service runs with trace-preload.mjs, the benchmark sends
 * `ROUNDS` events one at a time (each after a plain POST, as latency-ab.ts does) and prints each stage's p50/p90/p99,
 * then each stage's mean in the slowest 1 % (where the tail's time goes):
 * `npx tsx bench/latency-stages.ts` (BENCH_SERVICE_BIN: the service of another checkout). Stage boundaries are stamped in
 * both processes on the clock they share.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pct, plainPostMs, startBenchService } from './bench-service.js';

/** Each stage ends where the next begins: the event sent, the API's request in, ... the center read the report. */
const STAGES = [
  'local API: request in',
  'intake stages, temp file open',
  'write (and fdatasync), rename, folder fsync: durable',
  'loop wakes, route builds the request',
  'TCP + TLS handshake',
  'request sent and read by the center',
];

type Stamp = { t: number; stage: string; detail: string };

export async function stages(rounds: number): Promise<Array<{ stage: string; ms: number[] }>> {
  const trace = join(tmpdir(), `er-stages-${process.pid}.txt`);
  await writeFile(trace, '');
  process.env.TRACE_FILE = trace;
  process.env.BENCH_SERVICE_NODE_ARGS = `--import ${fileURLToPath(new URL('./trace-preload.mjs', import.meta.url))}`;
  const bin = process.env.BENCH_SERVICE_BIN; // another checkout's bin/express-report.mjs (before a change)
  const svc = await startBenchService(undefined, bin ? { bin } : {});
  const now = () => performance.timeOrigin + performance.now();
  const events: Array<{ id: string; sent: number; arrived: number }> = [];
  try {
    for (let i = 0; i < rounds + 20; i++) {
      await plainPostMs(svc, 1);
      const sent = now();
      const r = await svc.client.event({ source: 'atapi', id: '0xc0040006', message: `stage ${i}` });
      if (r.result !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(r)}`);
      const arrived = performance.timeOrigin + (await svc.arrival(r.reportId));
      if (i >= 20) events.push({ id: r.reportId, sent, arrived });
    }
    await new Promise((r) => setTimeout(r, 500)); // the preload writes every 200 ms
  } finally {
    await svc.close();
    delete process.env.BENCH_SERVICE_NODE_ARGS;
  }
  const stamps: Stamp[] = (await readFile(trace, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [t, stage, ...rest] = l.split(' ');
      return { t: Number(t), stage: stage!, detail: rest.join(' ') };
    });
  await rm(trace, { force: true });
  const out: Array<{ stage: string; ms: number[] }> = [...STAGES, 'event → delivered'].map((stage) => ({ stage, ms: [] }));
  for (const e of events) {
    const after = (from: number, ok: (s: Stamp) => boolean): number => stamps.find((s) => s.t >= from && ok(s))?.t ?? NaN;
    const apiIn = after(e.sent, (s) => s.stage === 'api-in');
    // the report's temp file (a new one, or a spare: group-write.ts) is the one renamed to <spool>/<id>.json
    const renamed = stamps.find((s) => s.t >= apiIn && s.stage === 'rename-end' && s.detail.endsWith(`/spool/${e.id}.json`));
    const temp = renamed?.detail.split(' ')[0];
    const file = stamps.filter((s) => s.t >= apiIn && s.t <= (renamed?.t ?? 0) && s.stage === 'open-end' && s.detail === temp).at(-1)?.t ?? NaN;
    const durable = after(renamed?.t ?? NaN, (s) => s.stage === 'sync-end' && s.detail.endsWith('/spool'));
    const request = after(durable, (s) => s.stage === 'post-start' && s.detail === e.id);
    const tls = after(request, (s) => s.stage === 'post-tls' && s.detail.startsWith(e.id));
    const marks = [e.sent, apiIn, file, durable, request, tls, e.arrived];
    if (marks.some(Number.isNaN)) continue;
    for (let i = 0; i < STAGES.length; i++) out[i]!.ms.push(marks[i + 1]! - marks[i]!);
    out[STAGES.length]!.ms.push(e.arrived - e.sent);
  }
  return out;
}

/** In the slowest 1 % of events: each stage's mean, where the tail's time went. */
export function tail(s: Array<{ stage: string; ms: number[] }>): Array<{ stage: string; mean: number }> {
  const total = s.at(-1)!.ms;
  const cut = pct(total, 99);
  const slow = total.flatMap((t, i) => (t >= cut ? [i] : []));
  return s.map(({ stage, ms }) => ({ stage, mean: slow.reduce((sum, i) => sum + ms[i]!, 0) / slow.length }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await stages(Number(process.env.ROUNDS ?? 1000));
  for (const { stage, ms } of s)
    console.log(`${stage.padEnd(50)} p50 ${pct(ms, 50).toFixed(2)}  p90 ${pct(ms, 90).toFixed(2)}  p99 ${pct(ms, 99).toFixed(2)} ms  (${ms.length} samples)`);
  console.log('the slowest 1 %, mean of each stage:');
  for (const { stage, mean } of tail(s)) console.log(`  ${stage.padEnd(50)} ${mean.toFixed(2)} ms`);
}
