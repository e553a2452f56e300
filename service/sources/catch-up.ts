/**
 * How far back a source reads after a stop (docs/event-sources.md, "Resuming after a stop"). A week's stop must not
 * flood the center with stale reports, nor make a 2 GB backlog wait before anything new:
 *   a syslog file reads at most the last `CATCH_UP_BYTES` (ER_9212 names what was skipped), and during the catch-up
 *     skips lines whose time is older than the retry limit (ER_9213, one summary);
 *   the journal resumes `--since` the retry limit when its saved entry is older than that (ER_9214).
 * Why the retry limit (schedule.retry.limitHours): the service gives up on a report that long undelivered, so a line
 * older than that is staler than anything it still tries to send.
 */
import { problem, type Problem } from '../../shared/messages/problem.js';

/**
 * 16 MiB: about 100 000 lines of a busy syslog (~150 bytes a line), hours of an ordinary server's log; read and
 * parsed in well under a second (docs/event-sources.md has the figure), held in memory at once by one read.
 */
export const CATCH_UP_BYTES = 16 * 1024 * 1024;
/** schedule.retry.limitHours' default, for a service without a valid configuration. */
export const DEFAULT_CATCH_UP_HOURS = 72;

export interface CatchUpOptions {
  /** Bytes a syslog file reads at most after a stop (default CATCH_UP_BYTES). */
  catchUpBytes?: number;
  /** The retry limit: older lines or entries are not read after a stop (default DEFAULT_CATCH_UP_HOURS). */
  catchUpHours?: number;
}

export const catchUpHours = (o: CatchUpOptions): number => o.catchUpHours ?? DEFAULT_CATCH_UP_HOURS;

/** The realtime of a journal cursor (its `t=` field, µs since the epoch in hex); undefined when it has none. */
export function cursorTime(cursor: string): Date | undefined {
  const t = /(?:^|;)t=([0-9a-f]{1,16})(?:;|$)/i.exec(cursor)?.[1];
  if (!t) return undefined;
  const ms = Number(BigInt(`0x${t}`) / 1000n);
  return Number.isSafeInteger(ms) && ms > 0 ? new Date(ms) : undefined;
}

/** Lines older than the retry limit, skipped while a file catches up after a stop: counted, told once (ER_9213). */
export class OldLines {
  private before: number | undefined;
  private count = 0;
  private newest = 0;

  constructor(
    private readonly path: string,
    private readonly hours: number,
    private readonly onProblem: (p: Problem) => void,
  ) {}

  /** The catch-up starts: lines logged before `now` minus the limit are old. */
  begin(now = Date.now()): void {
    this.before = now - this.hours * 3_600_000;
  }

  /** True when `time` is old and the line is to be skipped; a line within the limit ends the catch-up. */
  skip(time: Date | undefined): boolean {
    if (this.before === undefined || !time) return false;
    if (time.getTime() >= this.before) {
      this.end();
      return false;
    }
    this.count++;
    this.newest = Math.max(this.newest, time.getTime());
    return true;
  }

  /** The catch-up is over (a line within the limit, or the first read done): tells what was skipped. */
  end(): void {
    this.before = undefined;
    if (this.count === 0) return;
    this.onProblem(problem('ER_9213', { path: this.path, count: this.count, hours: this.hours, newest: new Date(this.newest).toISOString() }));
    this.count = 0;
  }
}
