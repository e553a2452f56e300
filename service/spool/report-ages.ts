/**
 * Each report's age as the running spool keeps it (age.ts has the rules): the monotonic time at which it was 0, what a
 * write stamps into the file, and when an attempt was seen, read on today's wall clock.
 */
import { span } from '../common/clock.js';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { resumeAges } from './age.js';
import { type AgeStamp, type Folder, type HistoryEntry, type SpoolRecord } from './record.js';

export class ReportAges {
  /** Per report (every folder): the monotonic time at which its age was 0, so its age is mono() - born. */
  private readonly born = new Map<string, number>();
  /** now() - mono() as last taken by seenAt (see there). */
  private wallOffset: number | undefined;

  constructor(
    private readonly now: () => Date,
    private readonly mono: () => number,
    private readonly boot: string | undefined,
  ) {}

  /**
   * At open: every report's age goes on from its stamp (age.ts resumeAges); what had to be estimated is logged.
   * Returns the next-attempt age of waiting reports written by an older version.
   */
  resume(records: Record<Folder, Map<string, SpoolRecord>>, log: LogSink): Map<string, number> {
    const now = this.now();
    const r = resumeAges(records, now, this.mono(), this.boot);
    for (const [id, born] of r.born) this.born.set(id, born);
    if (r.wall.count) log(logEntry('ER_6031', { count: r.wall.count, gap: span(r.wall.most) }));
    if (r.behind.count) log(logEntry('ER_6032', { count: r.behind.count, now: now.toISOString(), at: r.behind.latest }));
    return r.dueAge;
  }

  /** A new report: its age is `age` now. */
  start(id: string, age: number): void {
    this.born.set(id, this.mono() - age);
  }

  forget(id: string): void {
    this.born.delete(id);
  }

  /** How long (ms) the report has been in the service's hands, or undefined for an unknown id. */
  of(id: string): number | undefined {
    const born = this.born.get(id);
    return born === undefined ? undefined : this.mono() - born;
  }

  /** A history entry's age field. */
  field(id: string): { ageMs?: number } {
    const age = this.of(id);
    return age === undefined ? {} : { ageMs: Math.round(age) };
  }

  /** The stamp a write puts into the file, with both clocks, so a restart resumes the age (age.ts). */
  stamp(id: string): AgeStamp | undefined {
    const born = this.born.get(id);
    if (born === undefined) return undefined;
    const mono = this.mono();
    return { ms: Math.max(0, mono - born), at: this.now().toISOString(), ...(this.boot !== undefined ? { boot: this.boot, mono } : {}) };
  }

  /**
   * When the service saw `entry` of report `id`, on today's wall clock: now minus the age that has passed since, so a
   * clock step after the attempt cannot put it in the future. An entry of an older version has only its wall time.
   */
  seenAt(id: string, entry: HistoryEntry): Date {
    const now = this.now().getTime();
    const born = this.born.get(id);
    if (entry.ageMs !== undefined && born !== undefined) {
      // wall = mono + offset; the offset is kept until the clock steps (> 1 s), so two queries name the same millisecond
      const offset = now - this.mono();
      if (this.wallOffset === undefined || Math.abs(offset - this.wallOffset) > 1000) this.wallOffset = offset;
      return new Date(Math.min(now, Math.round(this.wallOffset + born + entry.ageMs)));
    }
    const at = Date.parse(entry.at);
    return new Date(Number.isNaN(at) ? now : Math.min(at, now));
  }
}
