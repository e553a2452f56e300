/**
 * The durable queue (docs/delivery.md): `<state>/spool/` waiting, `<state>/sent/`, `<state>/expired/`, one JSON file per
 * report. A report is acknowledged only once its file is on disk (fsync of the file and of the folder); a move between
 * folders writes the new file before removing the old one, and open() settles a report found in two folders.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { type Problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { monotonicNow, span } from '../common/clock.js';
import { ageFromCreation, currentBootId, resumeAges } from './age.js';
import { loadFolder, settleDoubles } from './recover.js';
import { serializeRecord, UUID, type Folder, type HistoryEntry, type SpoolEntry, type SpoolRecord, type SpoolRelay } from './record.js';

export interface SpoolOptions {
  now?: () => Date;
  /** The monotonic clock (ms, never stepped; common/clock.ts monotonicNow by default): what a report's age counts. */
  mono?: () => number;
  /** The boot id (age.ts; read from the system by default); null: none, every restart is estimated by the wall clock. */
  bootId?: string | null;
  /** sent/ keeps the newest this many (default 1000); pending and expired reports are never pruned. */
  keepSent?: number;
  /** Attempts kept in a report's history (default 20). */
  historyLimit?: number;
  onEvent?: LogSink;
}

/** When a failed report is tried again: after `inMs` more of its age; `at` is the wall-clock reading to show for it. */
export interface NextAttempt {
  inMs: number;
  at?: Date;
}

/** A report to accept: the spool gives it an id (UUID) and createdAt unless it already has them (a relayed report). */
export type NewReport = Omit<Report, 'id' | 'createdAt' | 'count'> & Partial<Pick<Report, 'id' | 'createdAt' | 'count'>>;

const FOLDERS: readonly Folder[] = ['pending', 'sent', 'expired'];
const DIR_NAME: Record<Folder, string> = { pending: 'spool', sent: 'sent', expired: 'expired' };

const byCreated = (a: SpoolRecord, b: SpoolRecord): number => (a.report.createdAt < b.report.createdAt ? -1 : a.report.createdAt > b.report.createdAt ? 1 : 0);

export class Spool {
  readonly dirs: Readonly<Record<Folder | 'corrupt', string>>;
  private records: Record<Folder, Map<string, SpoolRecord>> = { pending: new Map(), sent: new Map(), expired: new Map() };
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<(r: Report) => void>();
  private readonly settledListeners = new Set<(r: SpoolRecord, folder: 'sent' | 'expired') => void>();
  private readonly now: () => Date;
  private readonly mono: () => number;
  private readonly boot: string | undefined;
  /** Per report (every folder): the monotonic time at which its age was 0, so its age is mono() - born. */
  private readonly born = new Map<string, number>();
  private readonly log: LogSink;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    stateDir: string,
    private readonly opts: SpoolOptions,
  ) {
    const d = (f: Folder) => join(stateDir, DIR_NAME[f]);
    this.dirs = { pending: d('pending'), sent: d('sent'), expired: d('expired'), corrupt: join(d('pending'), 'corrupt') };
    this.now = opts.now ?? (() => new Date());
    this.mono = opts.mono ?? monotonicNow;
    this.boot = opts.bootId === null ? undefined : (opts.bootId ?? currentBootId());
    this.log = opts.onEvent ?? (() => undefined);
  }

  /** Creates the folders, loads every report, sets corrupt files aside and settles interrupted moves. */
  static async open(stateDir: string, opts: SpoolOptions = {}): Promise<Spool> {
    const s = new Spool(stateDir, opts);
    for (const dir of Object.values(s.dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
    for (const f of FOLDERS) s.records[f] = await loadFolder(s.dirs[f], f, s.dirs.corrupt, s.now, s.log);
    for (const { id, kept, removed } of settleDoubles(s.records)) {
      await s.remove(removed, id);
      s.log(logEntry('ER_6052', { id, kept: DIR_NAME[kept] + '/', removed: DIR_NAME[removed] + '/' }, id));
    }
    s.resumeAges();
    await s.pruneSent();
    return s;
  }

  /** Every report's age goes on from its stamp (age.ts resumeAges); what had to be estimated is logged. */
  private resumeAges(): void {
    const now = this.now();
    const r = resumeAges(this.records, now, this.mono(), this.boot);
    for (const [id, born] of r.born) this.born.set(id, born);
    for (const [id, dueAgeMs] of r.dueAge) this.records.pending.set(id, { ...this.records.pending.get(id)!, dueAgeMs });
    if (r.wall.count) this.log(logEntry('ER_6031', { count: r.wall.count, gap: span(r.wall.most) }));
    if (r.behind.count) this.log(logEntry('ER_6032', { count: r.behind.count, now: now.toISOString(), at: r.behind.latest }));
  }

  /** How long (ms) the report has been in the service's hands (age.ts), or undefined for an unknown id. */
  ageOf(id: string): number | undefined {
    const born = this.born.get(id);
    return born === undefined ? undefined : this.mono() - born;
  }

  /**
   * When the service saw `entry` of report `id`, on today's wall clock: now minus the age that has passed since, so a
   * clock step after the attempt cannot put it in the future. An entry of an older version has only its wall time.
   */
  seenAt(id: string, entry: HistoryEntry): Date {
    const now = this.now().getTime();
    const age = this.ageOf(id);
    if (entry.ageMs !== undefined && age !== undefined) return new Date(now - Math.max(0, age - entry.ageMs));
    const at = Date.parse(entry.at);
    return new Date(Number.isNaN(at) ? now : Math.min(at, now));
  }

  /**
   * Resolves only after the report is durably on disk: that is the acknowledgement. The same id twice is a no-op.
   * `collecting`: its logs are still being collected; it waits for finishCollection(). `relay`: relayed from an agent
   * (it keeps its own id and createdAt; its age counts from `relay.receivedAt`).
   */
  accept(init: NewReport, opts: { collecting?: boolean; relay?: SpoolRelay } = {}): Promise<Report> {
    return this.serial(async () => {
      if (init.id !== undefined && !UUID.test(init.id)) throw new TypeError(`report id ${init.id} is not a UUID`);
      const existing = init.id !== undefined ? this.get(init.id) : undefined;
      if (existing) return existing.report;
      const wall = this.now();
      const now = wall.toISOString();
      const report: Report = { ...init, id: init.id ?? randomUUID(), createdAt: init.createdAt ?? now, count: init.count ?? 1 };
      // A relayed report's age counts from its reception here (normally moments ago), never from the agent's createdAt:
      // the agent's clock may be anything, and the agent's own retries before it reached the manager are not ours to count.
      // A report made here earlier and handed in with its createdAt has waited since then; a new one starts at 0.
      const age = ageFromCreation(opts.relay?.receivedAt ?? init.createdAt ?? now, wall);
      this.born.set(report.id, this.mono() - age);
      const rec: SpoolRecord = {
        report,
        attempts: 0,
        nextAttemptAt: now,
        dueAgeMs: age,
        history: [],
        ...(opts.collecting ? { collecting: { since: now } } : {}),
        ...(opts.relay ? { relay: opts.relay } : {}),
      };
      await this.write('pending', rec).catch((e: unknown) => {
        this.born.delete(report.id); // not accepted: nothing of it stays
        throw e;
      });
      this.log(logEntry('ER_6050', { id: report.id, kind: report.kind }, report.id));
      this.tell(report);
      return report;
    });
  }

  /** The logs of a waiting report are collected (or could not be): it may go now, with them when there are any. */
  finishCollection(id: string, logs: Report['logs']): Promise<void> {
    return this.serial(async () => {
      const r = this.records.pending.get(id);
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
    return [...this.records.pending.values()].sort(byCreated);
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
    return { pending: this.records.pending.size, sent: this.records.sent.size, expired: this.records.expired.size };
  }

  /** Marks a waiting report as being sent; returns its current record, or undefined if it is not waiting or already claimed. */
  claim(id: string): SpoolRecord | undefined {
    const r = this.records.pending.get(id);
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
    return this.serial(async () => {
      const r = this.records.pending.get(id);
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
    return this.serial(async () => {
      const r = this.records.pending.get(id);
      if (!r) return;
      const wall = this.now();
      const at = wall.toISOString();
      const entry: HistoryEntry = { at, ok: false, code: problem.code, ...(opts.route !== undefined ? { route: opts.route } : {}), ...this.ageField(id) };
      const rec: SpoolRecord = { ...r, attempts: r.attempts + 1, lastError: problem, history: this.history(r, entry) };
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
    return this.serial(async () => {
      const r = this.records.pending.get(id);
      if (!r) return;
      const add = Math.max(0, Math.min(ms, this.ageOf(id) ?? ms));
      if (add > 0) await this.write('pending', { ...r, heldMs: (r.heldMs ?? 0) + Math.round(add) });
    });
  }

  /** Gives up on a waiting report without a new attempt (its limit passed, or its window never opens before it). */
  expire(id: string, reason: Problem): Promise<void> {
    return this.serial(async () => {
      const r = this.records.pending.get(id);
      if (r) await this.move(r, 'expired', { ...r, expired: { at: this.now().toISOString(), problem: reason } });
    });
  }

  markSent(id: string, detail: string, route?: string): Promise<void> {
    return this.serial(async () => {
      const r = this.records.pending.get(id);
      if (!r) return;
      const at = this.now().toISOString();
      const entry: HistoryEntry = { at, ok: true, detail, ...(route !== undefined ? { route } : {}), ...this.ageField(id) };
      await this.move(r, 'sent', { ...r, attempts: r.attempts + 1, sentAt: at, history: this.history(r, entry) });
      await this.pruneSent();
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

  /** Mutations run one at a time, so a fold and a recorded failure on the same report never overwrite each other. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private ageField(id: string): { ageMs?: number } {
    const age = this.ageOf(id);
    return age === undefined ? {} : { ageMs: Math.round(age) };
  }

  private history(r: SpoolRecord, entry: HistoryEntry): HistoryEntry[] {
    return [...r.history, entry].slice(-(this.opts.historyLimit ?? 20));
  }

  private path(folder: Folder, id: string): string {
    return join(this.dirs[folder], `${id}.json`);
  }

  /** Every write stamps the age with both clocks, so a restart resumes it (age.ts). */
  private async write(folder: Folder, record: SpoolRecord): Promise<void> {
    const id = record.report.id;
    const mono = this.mono();
    const born = this.born.get(id);
    const rec: SpoolRecord =
      born === undefined
        ? record
        : {
            ...record,
            age: { ms: Math.max(0, mono - born), at: this.now().toISOString(), ...(this.boot !== undefined ? { boot: this.boot, mono } : {}) },
          };
    await writeFileAtomic(this.path(folder, id), serializeRecord(rec), { mode: 0o600 });
    this.records[folder].set(id, rec);
  }

  /** New copy first (durable), then the old one goes: a crash in between leaves two copies, which open() settles. */
  private async move(from: SpoolRecord, to: 'sent' | 'expired', rec: SpoolRecord): Promise<void> {
    const id = from.report.id;
    await this.write(to, rec);
    this.records.pending.delete(id);
    await this.remove('pending', id);
    for (const l of this.settledListeners) {
      try {
        l(rec, to);
      } catch {
        // the move is durable already; a listener's failure is its own (the relay sweeps leftover frames at start)
      }
    }
  }

  private async remove(folder: Folder, id: string): Promise<void> {
    await unlink(this.path(folder, id)).catch(() => undefined); // a leftover is settled by the next open()
  }

  private async pruneSent(): Promise<void> {
    const extra = this.records.sent.size - (this.opts.keepSent ?? 1000);
    if (extra <= 0) return;
    const oldest = [...this.records.sent.values()].sort((a, b) => Date.parse(a.sentAt ?? a.report.createdAt) - Date.parse(b.sentAt ?? b.report.createdAt));
    for (const r of oldest.slice(0, extra)) {
      this.records.sent.delete(r.report.id);
      this.born.delete(r.report.id);
      await this.remove('sent', r.report.id);
    }
  }
}
