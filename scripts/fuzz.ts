/**
 * `npm run fuzz [-- --runs N] [--target name] [--seed S]`: every parser's fuzz target (test/fuzz/targets) with N inputs
 * (by default 100,000, or fewer for a slow target: its `fullRuns`), printing per target the inputs tried, coded refusals, round trips checked, time and peak heap.
 * CI runs the same targets with fewer inputs (test/fuzz/fuzz.test.ts).
 */
import { parseArgs } from 'node:util';
import { fuzz, type Figures } from '../test/fuzz/harness.js';
import { TARGETS } from '../test/fuzz/targets/index.js';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, target: { type: 'string', multiple: true }, seed: { type: 'string' } },
});
const runs = Number(values.runs ?? 100_000);
const runsOf = (t: (typeof TARGETS)[number]): number => (values.runs === undefined ? Math.min(runs, t.fullRuns ?? runs) : runs);
const picked = values.target ? TARGETS.filter((t) => values.target!.includes(t.name)) : TARGETS;
if (!Number.isInteger(runs) || runs < 1 || picked.length === 0) {
  console.error(`usage: npm run fuzz -- [--runs N] [--target ${TARGETS.map((t) => t.name).join('|')}] [--seed S]`);
  process.exit(2);
}
// Non-negative, so `--seed N` takes it back as it was printed.
const seed = values.seed === undefined ? (Date.now() ^ (Math.random() * 0x100000000)) >>> 0 : Number(values.seed);
console.log(
  `seed ${seed}, ${values.runs === undefined ? `${runs} inputs per target (fewer for slow targets)` : `${runs} inputs per target`}, load average ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const rows: Figures[] = [];
let failed = false;
for (const t of picked) {
  try {
    const f = await fuzz(t, runsOf(t), seed);
    rows.push(f);
    console.log(
      `${f.target.padEnd(16)} inputs ${String(f.inputs).padStart(7)}  refusals ${String(f.refusals).padStart(7)}  skipped ${String(f.skipped).padStart(7)}  round trips ${String(f.roundTrips).padStart(7)}  ${(f.ms / 1000).toFixed(1).padStart(6)} s  peak heap ${f.peakHeapMB} MB`,
    );
  } catch (e) {
    failed = true;
    console.log(`${t.name}: FAILED\n${e instanceof Error ? `${e.message}\n${String(e.cause)}` : String(e)}`);
  }
}
console.log('\n| target | inputs | refusals (coded) | skipped | round trips | time (s) | peak heap (MB) |\n|---|---:|---:|---:|---:|---:|---:|');
for (const f of rows)
  console.log(`| ${f.target} | ${f.inputs} | ${f.refusals} | ${f.skipped} | ${f.roundTrips} | ${(f.ms / 1000).toFixed(1)} | ${f.peakHeapMB} |`);
process.exit(failed ? 1 : 0);
