/**
 * Event → delivered against a plain POST, interleaved in one process so that both see the same load: `rounds` rounds
 * of a plain POST (full TLS handshake), a plain POST resuming the last TLS session (as the service's route does), and
 * one event through the local API timed until it arrived at the receiver (no polling: bench-service.ts arrival()).
 */
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
}

export async function interleaved(svc: BenchService, rounds: number, warmup = 20): Promise<AbSamples> {
  const out: AbSamples = { post: [], resumed: [], accepted: [], delivered: [] };
  for (let i = 0; i < rounds + warmup; i++) {
    const [post] = await plainPostMs(svc, 1);
    const [resumed] = await plainPostMs(svc, 1, true);
    const t0 = performance.now();
    const r = await svc.client.event({ source: 'atapi', id: '0xc0040006', message: `ab ${i}` });
    const tAcc = performance.now();
    if (r.result !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(r)}`);
    const tArr = await svc.arrival(r.reportId);
    if (i < warmup) continue;
    out.post.push(post!);
    out.resumed.push(resumed!);
    out.accepted.push(tAcc - t0);
    out.delivered.push(tArr - t0);
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.env.ROUNDS ?? 1000);
  const svc = await startBenchService();
  try {
    const s = await interleaved(svc, rounds);
    latencyFigures(s, 'ab');
    for (const p of [50, 90, 99])
      console.log(
        `ratio p${p}: ${(pct(s.delivered, p) / pct(s.post, p)).toFixed(2)}x (to a resumed POST ${(pct(s.delivered, p) / pct(s.resumed, p)).toFixed(2)}x)`,
      );
  } finally {
    await svc.close();
  }
}
