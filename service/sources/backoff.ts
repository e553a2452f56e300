/**
 * Restart delays for a reader process that dies: doubling from `initialMs` up to `maxMs`, and back to `initialMs` once
 * a run lasted longer than `maxMs` (it was healthy; this is a new failure, not the same one repeating).
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 5 * 60_000 };

export class Backoff {
  private delay: number;

  constructor(private readonly o: BackoffOptions = DEFAULT_BACKOFF) {
    this.delay = o.initialMs;
  }

  /** The wait before the next start, given how long the run that just ended lasted. */
  next(ranMs: number): number {
    if (ranMs > this.o.maxMs) this.delay = this.o.initialMs;
    const d = this.delay;
    this.delay = Math.min(this.delay * 2, this.o.maxMs);
    return d;
  }
}
