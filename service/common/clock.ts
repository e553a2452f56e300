/**
 * The two clocks of the delivery loop (docs/delivery.md, "Clock steps"): the wall clock (what the time window and the
 * log read) and a monotonic clock (what retry intervals and the retry limit count), and the watch that notices when the
 * wall clock is stepped (by hand, by NTP after a wrong start) by comparing how far each has moved. Here, not in delivery/,
 * because the spool (a report's age), the heartbeat schedule and 保守中 count on the same two clocks.
 */
import { type LocalizedText } from '../../shared/messages/text.js';

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

/** process.hrtime is CLOCK_MONOTONIC on Linux (system-wide, since boot); performance.now() would be per process. */
export const monotonicNow = (): number => Number(process.hrtime.bigint()) / 1e6;

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

  constructor(
    private readonly clock: Clock,
    private readonly threshold = STEP_THRESHOLD_MS,
  ) {
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

/** A duration for a log line: "26.0 h", "4.5 min", "12 s". */
export function span(ms: number): LocalizedText {
  const a = Math.abs(ms);
  if (a >= 3_600_000) return { ja: `${(a / 3_600_000).toFixed(1)} 時間`, en: `${(a / 3_600_000).toFixed(1)} h` };
  if (a >= 60_000) return { ja: `${(a / 60_000).toFixed(1)} 分`, en: `${(a / 60_000).toFixed(1)} min` };
  return { ja: `${Math.round(a / 1000)} 秒`, en: `${Math.round(a / 1000)} s` };
}
