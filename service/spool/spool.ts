/**
 * The durable queue (docs/delivery.md): `<state>/spool/` waiting, `<state>/sent/`, `<state>/expired/`, one JSON file per
 * report. A report is acknowledged only once its file is on disk (fsync of the file and of the folder); a move between
 * folders writes the new file before removing the old one, and open() settles a report found in two folders (load.ts).
 * Writes arriving together share their fsyncs (group-write.ts); changes to one report run one at a time, in order
 * (lanes.ts), while different reports go on side by side. The folders are read only by open(): the waiting reports'
 * order is an index (order.ts), sent/ and expired/ are kept in the order finished and bounded (finished.ts), so no
 * delivery nor status sorts or lists a folder.
 */
import { randomUUID } from 'node:crypto';
import { type Problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { monotonicNow } from '../common/clock.js';
import { ageFromCreation, currentBootId } from './age.js';
import { FinishedFolder, newestOfBoth } from './finished.js';
import { FOLDERS, recordPath, spoolDirs, type Kept, type SpoolDirs } from './folders.js';
import { GroupWrite, realWriteFs, type WriteFs } from './group-write.js';
import { Lanes } from './lanes.js';
import { findLastAttempts, type LastAttempts } from './last-attempts.js';
import { loadSpool } from './load.js';
import { PendingOrder } from './order.js';
import { serializeRecord, UUID, type Folder, type HistoryEntry, type SpoolEntry, type SpoolRecord, type SpoolRelay } from './record.js';
import { ReportAges } from './report-ages.js';
import { Retention } from './retention.js';
import { SourceIndex } from './source-index.js';

export type { LastAttempts } from './last-attempts.js';

export interface SpoolOptions {
  now?: () => Date;
  /** The monotonic clock (ms, never stepped; common/clock.ts monotonicNow by default): what a report's age counts. */
  mono?: () => number;
  /** The boot id (age.ts; read from the system by default); null: none, every restart is estimated by the wall clock. */
  bootId?: string | null;
  /** sent/ keeps the newest this many (default 1000); pending reports are never pruned. */
  keepSent?: number;
  /** expired/ keeps the newest this many, in the order they expired (default 1000); each removal is logged (ER_8341). */
  keepExpired?: number;
  /** Attempts kept in a report's history (default 20). */
  historyLimit?: number;
  onEvent?: LogSink;
  /** The file operations of the group commit (tests make one batch fail as a full disk would). */
  writeFs?: WriteFs;
}

/** When a failed report is tried again: after `inMs` more of its age; `at` is the wall-clock reading to show for it. */
export interface NextAttempt {
  inMs: number;
  at?: Date;
}

/** A report to accept: the spool gives it an id (UUID) and createdAt unless it already has them (a relayed report). */
export type NewReport = Omit<Report, 'id' | 'createdAt' | 'count'> & Partial<Pick<Report, 'id' | 'createdAt' | 'count'>>;

/** When a report got to sent/ or expired/ (ms; its creation for a record without the time). */
const timeOf = (at: string | undefined, r: SpoolRecord): number => {
  const t = Date.parse(at ?? r.report.createdAt);
  return Number.isNaN(t) ? 0 : t;
};
const sentTime = (r: SpoolRecord): number => timeOf(r.sentAt, r);
const expiredTime = (r: SpoolRecord): number => timeOf(r.expired?.at, r);
const byCreated = (a: SpoolRecord, b: SpoolRecord): number => (a.report.createdAt < b.report.createdAt ? -1 : a.report.createdAt > b.report.createdAt ? 1 : 0);

export class Spool {
  readonly dirs: SpoolDirs;
  private readonly waiting = new Map<string, SpoolRecord>();
  private readonly finished: Record<Kept, FinishedFolder>;
  private readonly records: Record<Folder, Map<string, SpoolRecord>>;
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<(r: Report) => void>();
  private readonly settledListeners = new Set<(r: SpoolRecord, folder: 'sent' | 'expired') => void>();
  private readonly now: () => Date;
  private readonly ages: ReportAges;
  private readonly log: LogSink;
  private readonly lanes = new Lanes();
  /** Reports being accepted (written, not yet durable): suppression sees them (recent()), delivery does not. */
  private readonly accepting = new Map<string, SpoolRecord>();
  /** Per event source: its reports in every folder, accepting ones included (suppression's look-up). */
  private readonly bySource = new SourceIndex();
  private readonly order = new PendingOrder();
  private last: LastAttempts = {};
  private readonly writer: GroupWrite;
  private readonly retention: Retention;
  /** Folder reads since open (open reads each folder once; a delivery never does), and files pruned unread. Tests read it. */
  readonly scans = { readdir: 0, unreadSent: 0, unreadExpired: 0 };

  private constructor(
    stateDir: string,
    private readonly opts: SpoolOptions,
  ) {
    this.dirs = spoolDirs(stateDir);
    this.now = opts.now ?? (() => new Date());
    this.ages = new ReportAges(this.now, opts.mono ?? monotonicNow, opts.bootId === null ? undefined : (opts.bootId ?? currentBootId()));
    this.log = opts.onEvent ?? (() => undefined);
    this.writer = new GroupWrite(opts.writeFs ?? realWriteFs);
    this.finished = { sent: new FinishedFolder(opts.keepSent ?? 1000, sentTime), expired: new FinishedFolder(opts.keepExpired ?? 1000, expiredTime) };
    this.records = { pending: this.waiting, sent: this.finished.sent.records, expired: this.finished.expired.records };
    this.retention = new Retention(
      this.dirs,
      this.finished,
      this.log,
      (r) => {
        this.ages.forget(r.report.id);
        if (!this.get(r.report.id)) this.bySource.delete(r.report);
      },
      (folder, id) => this.writer.retire(recordPath(this.dirs, folder, id)),
    );
  }

  /** Batches and items of the group commit since open (the benchmarks print them). */
  get commits(): Readonly<{ batches: number; items: number; largest: number }> {
    return this.writer.stats;
  }

  /** Creates the folders, loads every report (sent/ and expired/: their newest), sets corrupt files aside and settles interrupted moves. */
  static async open(stateDir: string, opts: SpoolOptions = {}): Promise<Spool> {
    const s = new Spool(stateDir, opts);
    const loaded = await loadSpool(s.dirs, { sent: s.finished.sent.keep, expired: s.finished.expired.keep }, s.now, s.log);
    s.scans.readdir += loaded.readdirs;
    s.scans.unreadSent = loaded.unread.sent.length;
    s.scans.unreadExpired = loaded.unread.expired.length;
    for (const [id, r] of loaded.records.pending) s.waiting.set(id, r);
    // sent/ and expired/ in the order finished, so pruning takes the oldest from the front and status the newest from the end
    for (const f of ['sent', 'expired'] as const) s.finished[f].load(loaded.records[f].values());
    for (const f of FOLDERS) for (const r of s.records[f].values()) s.bySource.add(r.report);
    for (const r of s.waiting.values()) s.order.set(r.report.id, r.report.createdAt);
    for (const [id, dueAgeMs] of s.ages.resume(s.records, s.log)) s.waiting.set(id, { ...s.waiting.get(id)!, dueAgeMs });
    s.last = findLastAttempts(s.records, (id, e) => s.seenAt(id, e));
    await s.retention.prune('sent');
    await s.retention.prune('expired', loaded.unread.expired);
    return s;
  }

  /** The newest delivery and the newest failed attempt (status), kept as they happen: no record is looked through. */
  lastAttempts(): Readonly<LastAttempts> {
    return this.last;
  }

  /** How long (ms) the report has been in the service's hands (age.ts), or undefined for an unknown id. */
  ageOf(id: string): number | undefined {
    return this.ages.of(id);
  }

  /**
   * When the service saw `entry` of report `id`, on today's wall clock: now minus the age that has passed since, so a
   * clock step after the attempt cannot put it in the future. An entry of an older version has only its wall time.
   */
  seenAt(id: string, entry: HistoryEntry): Date {
    return this.ages.seenAt(id, entry);
  }

  /**
   * Resolves only after the report is durably on disk: that is the acknowledgement. The same id twice is a no-op.
   * `collecting`: its logs are still being collected; it waits for finishCollection(). `relay`: relayed from an agent
   * (it keeps its own id and createdAt; its age counts from `relay.receivedAt`).
   */
  accept(init: NewReport, opts: { collecting?: boolean; relay?: SpoolRelay } = {}): Promise<Report> {
    if (init.id !== undefined && !UUID.test(init.id)) return Promise.reject(new TypeError(`report id ${init.id} is not a UUID`));
    const id = init.id ?? randomUUID();
    return this.lanes.run(id, async () => {
      const existing = this.get(id);
      if (existing) return existing.report;
      const wall = this.now();
      const now = wall.toISOString();
      const report: Report = { ...init, id, createdAt: init.createdAt ?? now, count: init.count ?? 1 };
      // A relayed report's age counts from its reception here (normally moments ago), never from the agent's createdAt:
      // the agent's clock may be anything, and the agent's own retries before it reached the manager are not ours to count.
      // A report made here earlier and handed in with its createdAt has waited since then; a new one starts at 0.
      const age = ageFromCreation(opts.relay?.receivedAt ?? init.createdAt ?? now, wall);
      this.ages.start(report.id, age);
      const rec: SpoolRecord = {
        report,
        attempts: 0,
        nextAttemptAt: now,
        dueAgeMs: age,
        history: [],
        ...(opts.collecting ? { collecting: { since: now } } : {}),
        ...(opts.relay ? { relay: opts.relay } : {}),
      };
      this.accepting.set(id, rec);
      this.bySource.add(report);
      try {
        await this.write('pending', rec);
      } catch (e) {
        this.ages.forget(id); // not accepted: nothing of it stays
        this.bySource.delete(report);
        throw e;
      } finally {
        this.accepting.delete(id);
      }
      this.log(logEntry('ER_6050', { id: report.id, kind: report.kind }, report.id));
      this.tell(report);
      return report;
    });
  }

  /** The logs of a waiting report are collected (or could not be): it may go now, with them when there are any. */
  finishCollection(id: string, logs: Report['logs']): Promise<void> {
    return this.lanes.run(id, async () => {
      const r = this.waiting.get(id);
      if (!r?.collecting) return;
      const { collecting: _done, ...rest } = r;
      const report: Report = { ...r.report, ...(logs ? { logs } : {}) };
      await this.write('pending', { ...rest, report });
      this.tell(report);
    });
  }

  /** Waiting reports whose collection was cut short (the service stopped): the service collects again at start. */
  collecting(): SpoolRecord[] {
    return this.pending().filter((r) => r.collecting);
  }

  /** Called after every accept and finished collection (the delivery loop wakes up); returns the unsubscribe function. */
  onAccepted(listener: (r: Report) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called once a waiting report has moved to sent/ or expired/ (durably): the relay drops the stored frame of a
   * forwarded report then. Returns the unsubscribe function.
   */
  onSettled(listener: (r: SpoolRecord, folder: 'sent' | 'expired') => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  get(id: string): SpoolEntry | undefined {
    for (const folder of FOLDERS) {
      const r = this.records[folder].get(id);
      if (r) return { ...r, folder };
    }
    return undefined;
  }

  /** Waiting reports, oldest first (FIFO by createdAt). */
  pending(): SpoolRecord[] {
    return this.order.ids().map((id) => this.waiting.get(id)!);
  }

  /** The `n` newest waiting reports, newest first (status), taken from the end of the order index. */
  newestPending(n: number): SpoolRecord[] {
    return this.order.newest(n).map((id) => this.waiting.get(id)!);
  }

  /**
   * The `n` reports that went to sent/ or expired/ last, newest first (status): the two folders are kept in the order
   * finished, so this merges their newest ends; nothing is sorted.
   */
  newestFinished(n: number): SpoolEntry[] {
    return newestOfBoth(this.finished.sent, this.finished.expired, n).map(({ record, from }) => ({
      ...record,
      folder: from === this.finished.sent ? 'sent' : 'expired',
    }));
  }

  /**
   * The waiting reports oldest first, one at a time (the delivery loop stops at the first it sends, so a pass costs what
   * it looks at, not the spool's size). Reports that come or go between two steps are taken into account.
   */
  *walkPending(): Generator<SpoolRecord> {
    for (const id of this.order.walk()) {
      const r = this.waiting.get(id);
      if (r) yield r;
    }
  }

  /**
   * The reports of `source` created at or after `since` (ms) in sent/ or waiting, those being accepted included
   * (suppression: an identical event right behind a new one sees its report). Looked up by source, not by a scan.
   */
  recent(source: string, since: number): SpoolEntry[] {
    const out: SpoolEntry[] = [];
    for (const id of this.bySource.ids(source)) {
      const accepting = this.accepting.get(id);
      const e = accepting ? { ...accepting, folder: 'pending' as const } : this.get(id);
      if (e && e.folder !== 'expired' && Date.parse(e.report.createdAt) >= since) out.push(e);
    }
    return out.sort(byCreated);
  }

  /**
   * Waiting reports whose next attempt is at or before `now` by the wall-clock nextAttemptAt (for tools and tests: the
   * delivery loop goes by each report's age, docs/delivery.md "Clock steps", and applies the time window).
   */
  due(now: Date): SpoolRecord[] {
    return this.pending().filter((r) => Date.parse(r.nextAttemptAt) <= now.getTime());
  }

  nextDueTime(): Date | undefined {
    const times = this.pending().map((r) => Date.parse(r.nextAttemptAt));
    return times.length ? new Date(Math.min(...times)) : undefined;
  }

  list(folder?: Folder): SpoolEntry[] {
    return (folder ? [folder] : FOLDERS).flatMap((f) => [...this.records[f].values()].sort(byCreated).map((r) => ({ ...r, folder: f })));
  }

  counts(): Record<Folder, number> {
    return { pending: this.waiting.size, sent: this.finished.sent.size, expired: this.finished.expired.size };
  }

  /** Marks a waiting report as being sent; returns its current record, or undefined if it is not waiting or already claimed. */
  claim(id: string): SpoolRecord | undefined {
    const r = this.waiting.get(id);
    if (!r || this.inFlight.has(id)) return undefined;
    this.inFlight.add(id);
    return r;
  }

  release(id: string): void {
    this.inFlight.delete(id);
  }

  /**
   * Rewrites a waiting report (suppression folds a repeated event into its count). Refused (undefined) while it is
   * being sent, since the change could not reach the center with that attempt. The id cannot change.
   */
  update(id: string, change: (r: Report) => Report): Promise<Report | undefined> {
    return this.lanes.run(id, async () => {
      const r = this.waiting.get(id);
      if (!r || this.inFlight.has(id)) return undefined;
      const report = { ...change(r.report), id };
      await this.write('pending', { ...r, report });
      return report;
    });
  }

  /**
   * One failed attempt. `next`: when to try again (NextAttempt, or a wall-clock time, taken as so long from now), or
   * 'expired' (moved to expired/ with `reason`, default `problem`).
   */
  recordFailure(id: string, problem: Problem, next: NextAttempt | Date | 'expired', opts: { route?: string; reason?: Problem } = {}): Promise<void> {
    return this.lanes.run(id, async () => {
      const r = this.waiting.get(id);
      if (!r) return;
      const wall = this.now();
      const at = wall.toISOString();
      const entry: HistoryEntry = { at, ok: false, code: problem.code, ...(opts.route !== undefined ? { route: opts.route } : {}), ...this.ages.field(id) };
      const rec: SpoolRecord = { ...r, attempts: r.attempts + 1, lastError: problem, history: this.history(r, entry) };
      this.last = { ...this.last, failed: { id, entry, problem } };
      if (next === 'expired') {
        await this.move(rec, 'expired', { ...rec, expired: { at, problem: opts.reason ?? problem } });
        return;
      }
      const plan = next instanceof Date ? { inMs: Math.max(0, next.getTime() - wall.getTime()), at: next } : next;
      const dueAgeMs = (this.ageOf(id) ?? 0) + plan.inMs;
      await this.write('pending', { ...rec, dueAgeMs, nextAttemptAt: (plan.at ?? new Date(wall.getTime() + plan.inMs)).toISOString() });
    });
  }

  /**
   * A maintenance pause held the waiting report for `ms` (at most its age): that time is added to its retry limit
   * (SpoolRecord.heldMs), so it goes on after the pause with the time it had left.
   */
  addHeld(id: string, ms: number): Promise<void> {
    return this.lanes.run(id, async () => {
      const r = this.waiting.get(id);
      if (!r) return;
      const add = Math.max(0, Math.min(ms, this.ageOf(id) ?? ms));
      if (add > 0) await this.write('pending', { ...r, heldMs: (r.heldMs ?? 0) + Math.round(add) });
    });
  }

  /** Gives up on a waiting report without a new attempt (its limit passed, or its window never opens before it). */
  expire(id: string, reason: Problem): Promise<void> {
    return this.lanes.run(id, async () => {
      const r = this.waiting.get(id);
      if (r) await this.move(r, 'expired', { ...r, expired: { at: this.now().toISOString(), problem: reason } });
    });
  }

  markSent(id: string, detail: string, route?: string): Promise<void> {
    return this.lanes.run(id, async () => {
      const r = this.waiting.get(id);
      if (!r) return;
      const at = this.now().toISOString();
      const entry: HistoryEntry = { at, ok: true, detail, ...(route !== undefined ? { route } : {}), ...this.ages.field(id) };
      await this.move(r, 'sent', { ...r, attempts: r.attempts + 1, sentAt: at, history: this.history(r, entry) });
      this.last = { ...this.last, ok: { id, entry } };
    });
  }

  // ---- internals

  private tell(report: Report): void {
    for (const l of this.listeners) {
      try {
        l(report);
      } catch {
        // the report is durable already: a listener's failure must not turn the acknowledgement into an error
      }
    }
  }

  private history(r: SpoolRecord, entry: HistoryEntry): HistoryEntry[] {
    return [...r.history, entry].slice(-(this.opts.historyLimit ?? 20));
  }

  /** Every write stamps the age with both clocks, so a restart resumes it (age.ts). */
  private async write(folder: Folder, record: SpoolRecord): Promise<void> {
    const id = record.report.id;
    const age = this.ages.stamp(id);
    const rec: SpoolRecord = age === undefined ? record : { ...record, age };
    await this.writer.write(recordPath(this.dirs, folder, id), serializeRecord(rec));
    if (folder === 'pending') {
      this.waiting.set(id, rec);
      this.order.set(id, rec.report.createdAt);
    } else {
      this.finished[folder].add(rec);
    }
  }

  /** New copy first (durable), then the old one goes: a crash in between leaves two copies, which open() settles. */
  private async move(from: SpoolRecord, to: Kept, rec: SpoolRecord): Promise<void> {
    const id = from.report.id;
    await this.write(to, rec);
    this.waiting.delete(id);
    this.order.delete(id);
    await this.writer.retire(recordPath(this.dirs, 'pending', id)); // its file is written again by the next write
    for (const l of this.settledListeners) {
      try {
        l(rec, to);
      } catch {
        // the move is durable already; a listener's failure is its own (the relay sweeps leftover frames at start)
      }
    }
    await this.retention.prune(to);
  }
}
