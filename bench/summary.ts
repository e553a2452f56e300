/** The table `npm run bench` prints at the end: every figure with its baseline, ratio and goal. */
import type { BenchFigure } from './lib.js';

/** The ratio given, or value / baseline when there is a baseline. */
export function ratioOf(f: BenchFigure): number | undefined {
  if (f.ratio !== undefined) return f.ratio;
  return f.baseline !== undefined && f.baseline !== 0 ? f.value / f.baseline : undefined;
}

const BOUND = /^\s*(ratio\s*)?(≤|<=|<|≥|>=|>)\s*(-?[\d.]+)/i;

/**
 * Whether the figure meets its goal: `met` when given, else the goal read as a bound on the ratio (`ratio ≤ 10`) or on
 * the value (`≤ 500 ms`); undefined when there is no goal or it is not such a bound.
 */
export function goalMet(f: BenchFigure): boolean | undefined {
  if (f.met !== undefined) return f.met;
  const m = f.goal === undefined ? null : BOUND.exec(f.goal);
  if (!m) return undefined;
  const x = m[1] ? ratioOf(f) : f.value;
  if (x === undefined) return undefined;
  const limit = Number(m[3]);
  switch (m[2]) {
    case '≤':
    case '<=':
      return x <= limit;
    case '<':
      return x < limit;
    case '≥':
    case '>=':
      return x >= limit;
    default:
      return x > limit;
  }
}

const num = (x: number): string => (Math.abs(x) >= 100 || Number.isInteger(x) ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** One row per figure, columns padded; `bench` names the benchmark that gave it. */
export function summaryTable(rows: Array<{ bench: string; figure: BenchFigure }>): string {
  const head = ['bench', 'figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const body = rows.map(({ bench, figure: f }) => {
    const ratio = ratioOf(f);
    const met = goalMet(f);
    return [
      bench,
      f.name,
      `${num(f.value)} ${f.unit}`.trim(),
      f.baseline === undefined ? '-' : `${num(f.baseline)} ${f.unit}`.trim(),
      ratio === undefined ? '-' : `${num(ratio)}x`,
      f.goal ?? '-',
      met === undefined ? '-' : met ? 'yes' : 'NO',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
