/**
 * Event → delivered against a plain POST, interleaved in one process so that both see the same load: `rounds` rounds
 * of a plain POST (full TLS handshake), a plain POST resuming the last TLS session (as the service's route does), and
 * one event through the local API timed until it arrived at the receiver (no polling: bench-service.ts arrival()).
 */
import { readFile } from 'node:fs/promises';
import { type BenchFigure } from './lib.js';
import { pct, plainPostMs, startBenchService, type BenchService } from './bench-service.js';

export interface AbSamples {
  /** A plain POST, full TLS handshake each time. */
  post: number[];
  /** A plain POST resuming the previous TLS session. */
  resumed: number[];
  /** Event sent → the local API answered "accepted" (durable). */
  accepted: number[];
  /** Event sent → it arrived at the receiver. */
  delivered: number[];
  /** The same, through the `before` service (another checkout), when one was given. */
  before: number[];
}

async function deliveredMs(svc: BenchService, message: string): Promise<{ accepted: number; delivered: number }> {
  const t0 = performance.now();
  const r = await svc.client.event({ source: 'atapi', id: '0xc0040006', message });
  const accepted = performance.now() - t0;
  if (r.result !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(r)}`);
  return { accepted, delivered: (await svc.arrival(r.reportId)) - t0 };
}

export async function interleaved(svc: BenchService, rounds: number, warmup = 20, before?: BenchService): Promise<AbSamples> {
  const out: AbSamples = { post: [], resumed: [], accepted: [], delivered: [], before: [] };
  for (let i = 0; i < rounds + warmup; i++) {
    const [post] = await plainPostMs(svc, 1);
    const [resumed] = await plainPostMs(svc, 1, true);
    // with a `before` service, each goes first every other round
    const then = before && i % 2 === 1 ? await deliveredMs(before, `ab ${i}`) : undefined;
    const now = await deliveredMs(svc, `ab ${i}`);
    const later = before && i % 2 === 0 ? await deliveredMs(before, `ab ${i}`) : then;
    if (i < warmup) continue;
    out.post.push(post!);
    out.resumed.push(resumed!);
    out.accepted.push(now.accepted);
    out.delivered.push(now.delivered);
    if (later) out.before.push(later.delivered);
  }
  return out;
}

/** The figures of the summary: p50/p90/p99 of each, the ratio to the plain POST's (issue 16: p99 ≤ 2x). */
export function latencyFigures(s: AbSamples, bench: string): BenchFigure[] {
  console.log(`${bench} plain POST (full handshake): ${describe(s.post)}`);
  console.log(`${bench} plain POST (resumed TLS session): ${describe(s.resumed)}`);
  console.log(`${bench} event -> accepted (local API answer): ${describe(s.accepted)}`);
  console.log(`${bench} event -> delivered: ${describe(s.delivered)}`);
  const at = (xs: number[], p: number) => +pct(xs, p).toFixed(2);
  return [
    ...[50, 90].map((p) => ({ name: `event → delivered p${p} (vs plain POST p${p})`, value: at(s.delivered, p), unit: 'ms', baseline: at(s.post, p) })),
    { name: 'event → delivered p99 (vs plain POST p99)', value: at(s.delivered, 99), unit: 'ms', baseline: at(s.post, 99), goal: 'ratio ≤ 2' },
    { name: 'event → delivered p99 (vs a resumed POST p99)', value: at(s.delivered, 99), unit: 'ms', baseline: at(s.resumed, 99) },
  ];
}

export const describe = (xs: number[]): string => `p50 ${pct(xs, 50).toFixed(2)} p90 ${pct(xs, 90).toFixed(2)} p99 ${pct(xs, 99).toFixed(2)} ms`;

/** User + system CPU time (ms) the process has used so far (/proc: the service's threads included). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/**
 * `npx tsx bench/latency-ab.ts`: ROUNDS rounds against this checkout's service. With BEFORE_BIN (another checkout's
 * bin/express-report.mjs, e.g. `git archive <commit>` unpacked with node_modules linked) a second service runs from it
 * and each round also sends one event there, so before and after are compared under the same load; the services' CPU
 * time per event is printed too.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.env.ROUNDS ?? 1000);
  const before = process.env.BEFORE_BIN;
  const svc = await startBenchService();
  const old = before ? await startBenchService(undefined, { bin: before }) : undefined;
  try {
    const cpu0 = [await cpuMs(svc.child.pid!), old ? await cpuMs(old.child.pid!) : 0];
    const s = await interleaved(svc, rounds, 20, old);
    const cpu = [(await cpuMs(svc.child.pid!)) - cpu0[0]!, old ? (await cpuMs(old.child.pid!)) - cpu0[1]! : 0];
    latencyFigures(s, 'ab');
    for (const p of [50, 90, 99])
      console.log(
        `ratio p${p}: ${(pct(s.delivered, p) / pct(s.post, p)).toFixed(2)}x (to a resumed POST ${(pct(s.delivered, p) / pct(s.resumed, p)).toFixed(2)}x)` +
          (old ? `; before: ${(pct(s.before, p) / pct(s.post, p)).toFixed(2)}x` : ''),
      );
    console.log(`service CPU per event (user + system, its threads included): ${(cpu[0]! / (rounds + 20)).toFixed(2)} ms`);
    if (old) {
      console.log(`before: event -> delivered ${describe(s.before)}`);
      console.log(`before: service CPU per event ${(cpu[1]! / (rounds + 20)).toFixed(2)} ms`);
    }
  } finally {
    await svc.close();
    await old?.close();
  }
}
