/**
 * Lines that are not events are skipped with one coded warning (ER_6401), not one per line: a reader that starts
 * producing garbage must not flood the service log. The first is told at once; later ones are counted and told with
 * the next skip after `intervalMs`, and at stop.
 */
import { problem, type Problem } from '../../shared/messages/problem.js';

const SAMPLE = 120;

export class SkippedLines {
  private count = 0;
  private sample = '';
  private lastTold = -Infinity;

  constructor(
    private readonly source: string,
    private readonly onProblem: (p: Problem) => void,
    private readonly intervalMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  skip(line: string): void {
    this.count++;
    if (!this.sample) this.sample = line.length > SAMPLE ? `${line.slice(0, SAMPLE)}…` : line;
    if (this.now() - this.lastTold >= this.intervalMs) this.flush();
  }

  /** Tells what was counted and not told yet. */
  flush(): void {
    if (this.count === 0) return;
    this.onProblem(problem('ER_6401', { source: this.source, count: this.count, sample: this.sample }));
    this.count = 0;
    this.sample = '';
    this.lastTold = this.now();
  }
}
