/**
 * A report's age: the time it has been in the service's hands, counted on the monotonic clock while the service runs
 * (docs/delivery.md, "Clock steps"). The retry interval and the retry limit count this age, never the wall clock, so
 * a clock set back or forward does not move a retry nor expire a report. Each spool write stamps the age with both
 * clocks; a restarted service resumes it from the stamp:
 *
 * - same boot (the boot id is unchanged): the monotonic clock is shared by every process of a boot, so the time the
 *   service was stopped is measured exactly, whatever the wall clock did meanwhile;
 * - otherwise (a reboot, or a system without a boot id): only the wall clock can tell, so the gap is the wall-clock
 *   time since the stamp, 0 when that is negative (the clock is behind the stamp: it was ahead before, or was set back),
 *   and at most MAX_GAP_MS. A forward gap cannot be told apart from real downtime, so it counts; what protects a report
 *   from a clock that came up far ahead is that an attempt due before the limit is still made, once, before it expires.
 */
import { readFileSync } from 'node:fs';
import { type AgeStamp, type Folder, type SpoolRecord } from './record.js';

/** The largest retry limit (720 h): a longer gap changes nothing but the number, so a clock set years ahead is capped. */
export const MAX_GAP_MS = 720 * 3_600_000;

let cachedBoot: string | null | undefined;

/** Linux's id of the current boot; undefined elsewhere (then every restart is estimated from the wall clock). */
export function currentBootId(): string | undefined {
  if (cachedBoot === undefined) {
    try {
      cachedBoot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      cachedBoot = null;
    }
  }
  return cachedBoot ?? undefined;
}

export type GapHow = 'monotonic' | 'wall' | 'behind';

/** How long since `stamp` was written, and how that was known (see the file comment for the rule). */
export function gapSince(stamp: AgeStamp, now: Date, mono: number, boot: string | undefined): { ms: number; how: GapHow } {
  if (boot !== undefined && stamp.boot === boot && stamp.mono !== undefined && mono >= stamp.mono) {
    return { ms: mono - stamp.mono, how: 'monotonic' };
  }
  const wall = now.getTime() - Date.parse(stamp.at);
  if (!(wall >= 0)) return { ms: 0, how: 'behind' }; // NaN too
  return { ms: Math.min(wall, MAX_GAP_MS), how: 'wall' };
}

/** The age of a report from a wall-clock reading of when it was taken (its acceptance, or a relayed one's reception), within [0, MAX]. */
export function ageFromCreation(createdAt: string, now: Date): number {
  const ms = now.getTime() - Date.parse(createdAt);
  return ms >= 0 ? Math.min(ms, MAX_GAP_MS) : 0;
}

/** When this service took the report: a relayed one's reception (its createdAt is the agent's), else its createdAt. */
export const takenAt = (r: Pick<SpoolRecord, 'report' | 'relay'>): string => r.relay?.receivedAt ?? r.report.createdAt;

/**
 * At open: the monotonic time at which each report's age was 0 (so its age is mono - born), the next-attempt age of
 * waiting reports written by an older version (no stamp: age from createdAt, due at the wall-clock nextAttemptAt, as
 * that version did), and what was estimated from the wall clock, for the log.
 */
export function resumeAges(
  records: Record<Folder, Map<string, SpoolRecord>>,
  now: Date,
  mono: number,
  boot: string | undefined,
): {
  born: Map<string, number>;
  dueAge: Map<string, number>;
  wall: { count: number; most: number };
  behind: { count: number; latest: string };
} {
  const out = { born: new Map<string, number>(), dueAge: new Map<string, number>(), wall: { count: 0, most: 0 }, behind: { count: 0, latest: '' } };
  for (const [folder, map] of Object.entries(records) as Array<[Folder, Map<string, SpoolRecord>]>) {
    for (const [id, r] of map) {
      let age: number;
      if (r.age) {
        const gap = gapSince(r.age, now, mono, boot);
        age = r.age.ms + gap.ms;
        if (folder === 'pending' && gap.how === 'wall') {
          out.wall.count++;
          out.wall.most = Math.max(out.wall.most, gap.ms);
        } else if (folder === 'pending' && gap.how === 'behind') {
          out.behind.count++;
          if (r.age.at > out.behind.latest) out.behind.latest = r.age.at;
        }
      } else {
        age = ageFromCreation(takenAt(r), now);
      }
      out.born.set(id, mono - age);
      if (folder === 'pending' && r.dueAgeMs === undefined) out.dueAge.set(id, Math.max(0, age + Date.parse(r.nextAttemptAt) - now.getTime()));
    }
  }
  return out;
}
