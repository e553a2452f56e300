/** Small timing helpers for benchmarks: figures are printed, never asserted. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

/** Runs `fn` `warmup` times, then `runs` times, and reports the median and the fastest run. */
export async function time(fn: () => unknown | Promise<unknown>, runs = 15, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, minMs: samples[0]!, runs };
}

/**
 * One measured figure. `baseline` is what it is compared with (same unit, same run); `ratio` is value / baseline unless
 * given; `goal` is text such as `ratio ≤ 10` or `≤ 500 ms` (compared with the ratio when it starts with `ratio`, else
 * with the value); `met` overrides that reading when the goal is not a plain bound.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  goal?: string;
  met?: boolean;
}

/** What a benchmark's `run()` may return; `npm run bench` prints every figure in one table at the end. */
export interface BenchResult {
  figures: BenchFigure[];
}

/**
 * Like time(), in CPU time of this process (user + system, GC threads included): on a machine shared with other work
 * it moves less than wall time, which counts the waits for a core.
 */
export async function cpuTime(fn: () => unknown | Promise<unknown>, runs = 15, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(t0);
    samples.push((d.user + d.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, minMs: samples[0]!, runs };
}

export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/**
 * The worst AMHTPLOG.INF the format allows: 999 [ToolYYY] sections of 99 SourceName/EventID rules each (5.6 MB).
 * `root` and `sep` give Windows (`c:\\ESM`, `\\`) or POSIX (`/opt/esm`, `/`) paths.
 */
export function bigLogInf(root = 'c:\\ESM', sep = '\\'): string {
  const p = (...parts: string[]) => [root, ...parts].join(sep);
  const lines = [
    '; ベンチマーク用 AMHTPLOG.INF: 999 tools x 99 rules',
    '[Configuration]',
    'TimeOut=600',
    'MaxSize=0',
    '[DefaultTools]',
    `Command="${p('tools', 'default.bat')}"`,
    `LogFile="${p('logs')}"`,
    `Directory="${p('tools')}"`,
  ];
  for (let t = 1; t <= 999; t++) {
    lines.push(`[Tool${String(t).padStart(3, '0')}]`);
    for (let r = 1; r <= 99; r++) {
      const n = String(r).padStart(2, '0');
      const id = (t * 100 + r) >>> 0;
      lines.push(
        `SourceName${n}=source${t % 50}`,
        `EventID${n}=0x${id.toString(16).padStart(8, '0')},0x${((id | 0xc0000000) >>> 0).toString(16).padStart(8, '0')}`,
      );
    }
    lines.push(`Command="${p('tools', `tool${t}.bat`)}"`, `LogFile="${p('logs', `tool${t}`)}"`, `Directory="${p('tools')}"`);
  }
  return lines.join('\r\n') + '\r\n';
}
