/**
 * `npm run bench [-- name ...]`: every benchmark in turn (or only those named), each printing its own figures, then one
 * table of every figure a benchmark returned (see BenchResult in lib.ts) with its baseline, ratio and goal.
 */
import type { BenchFigure, BenchResult } from './lib.js';
import { summaryTable } from './summary.js';

type Bench = () => Promise<{ run: () => Promise<void | BenchResult> }>;

/** Loaded only when selected, so a subset does not pay for the others' imports. */
const BENCHES: Record<string, Bench> = {
  'inf-parse': () => import('./inf-parse.bench.js'),
  'ui-load': () => import('./ui-load.bench.js'),
  service: () => import('./service.bench.js'),
  intake: () => import('./intake.bench.js'),
  'spool-growth': () => import('./spool-growth.bench.js'),
  'service-memory': () => import('./service-memory.bench.js'),
  mail: () => import('./mail.bench.js'),
  collect: () => import('./collect.bench.js'),
  'relay-agents': () => import('./relay-agents.bench.js'),
  fleet: () => import('./fleet.bench.js'),
};

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !(a in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

const rows: Array<{ bench: string; figure: BenchFigure }> = [];
const failed: string[] = [];
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  try {
    const result = await (await BENCHES[name]!()).run();
    for (const figure of result?.figures ?? []) rows.push({ bench: name, figure });
  } catch (e) {
    failed.push(name);
    console.error(`${name}: failed:`, e);
  }
}

console.log('\nSummary (every figure a benchmark returned; ratio = value / baseline)');
console.log(rows.length > 0 ? summaryTable(rows) : '(no figures returned)');
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
