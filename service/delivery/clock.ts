/**
 * The two clocks of the delivery loop (docs/delivery.md, "Clock steps"): the wall clock (what the time window and the
 * log read) and a monotonic clock (what retry intervals and the retry limit count), and the watch that notices when the
 * wall clock is stepped (by hand, by NTP after a wrong start) by comparing how far each has moved.
 */
import { monotonicNow } from '../spool/age.js';

export { monotonicNow, span } from '../spool/age.js';

export type TimerHandle = unknown;

export interface Clock {
  now(): Date;
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /**
   * Milliseconds on a clock that is never stepped (CLOCK_MONOTONIC: shared by every process of one boot, so a restarted
   * service can measure the time it was stopped). Absent: the wall clock stands in (fakes that never step it).
   */
  mono?(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  // unref: a waiting retry alone must not keep a process alive that is otherwise shutting down.
  setTimer: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  mono: monotonicNow,
};

export const monoOf = (c: Clock): (() => number) => (c.mono ? () => c.mono!() : () => c.now().getTime());

/**
 * A difference between the wall clock's and the monotonic clock's progress larger than this is a step, not drift:
 * NTP slews at most 0.5 ms/s, so 60 s of disagreement between two looks takes over 33 hours of slewing.
 */
export const STEP_THRESHOLD_MS = 60_000;

export interface ClockStep {
  /** How far the wall clock moved beyond the elapsed time (negative: set back). */
  ms: number;
  /** What the wall clock would read without the step, and what it reads. */
  expected: Date;
  actual: Date;
}

/** Looks at both clocks whenever asked and reports a step since the previous look (each step once). */
export class ClockWatch {
  private wall: number;
  private mono: number;

  constructor(private readonly clock: Clock, private readonly threshold = STEP_THRESHOLD_MS) {
    this.mono = monoOf(clock)();
    this.wall = clock.now().getTime();
  }

  check(): ClockStep | undefined {
    const mono = monoOf(this.clock)();
    const wall = this.clock.now().getTime();
    const expected = this.wall + (mono - this.mono);
    this.wall = wall;
    this.mono = mono;
    const ms = wall - expected;
    return Math.abs(ms) > this.threshold ? { ms, expected: new Date(expected), actual: new Date(wall) } : undefined;
  }
}
