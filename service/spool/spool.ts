/**
 * The durable queue (docs/delivery.md): `<state>/spool/` waiting, `<state>/sent/`, `<state>/expired/`, one JSON file per
 * report. A report is acknowledged only once its file is on disk (fsync of the file and of the folder); a move between
 * folders writes the new file before removing the old one, and open() settles a report found in two folders.
 * Writes arriving together share their fsyncs (group-write.ts); changes to one report run one at a time, in order,
 * while different reports go on side by side. The folders are read only by open(): the waiting reports' order is an
 * index (order.ts), so no delivery sorts or lists the spool.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { monotonicNow, span } from '../common/clock.js';
import { ageFromCreation, currentBootId, resumeAges } from './age.js';
import { loadFolder, settleDoubles } from './recover.js';
import { GroupWrite, realWriteFs, type WriteFs } from './group-write.js';
import { PendingOrder } from './order.js';
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

/** An attempt status shows: which report, and its history entry (status reads its time through seenAt). */
export interface LastAttempts {
  ok?: { id: string; entry: HistoryEntry };
  failed?: { id: string; entry: HistoryEntry; problem: Problem };
}

function lastWhere<T>(xs: readonly T[], ok: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i]!)) return xs[i];
  return undefined;
}

const FOLDERS: readonly Folder[] = ['pending', 'sent', 'expired'];
const DIR_NAME: Record<Folder, string> = { pending: 'spool', sent: 'sent', expired: 'expired' };

const sentTime = (r: SpoolRecord): number => Date.parse(r.sentAt ?? r.report.createdAt);
const byCreated = (a: SpoolRecord, b: SpoolRecord): number => (a.report.createdAt < b.report.createdAt ? -1 : a.report.createdAt > b.report.createdAt ? 1 : 0);

export class Spool {
  readonly dirs: Readonly<Record<Folder | 'corrupt', string>>;
  private records: Record<Folder, Map<string, SpoolRecord>> = { pending: new Map(), sent: new Map(), expired: new Map() };
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<(r: Report) => void>();
  private readonly settledListeners = new Set<(r: SpoolRecord, folder: 'sent' | 'expired') => void>();
  private readonly now: () => Date;
  private readonly mono: () => number;
  /** now() - mono() as last taken by seenAt (see there). */
  private wallOffset: number | undefined;
  private readonly boot: string | undefined;
  /** Per report (every folder): the monotonic time at which its age was 0, so its age is mono() - born. */
  private readonly born = new Map<string, number>();
  private readonly log: LogSink;
  /** Per report: the tail of its changes, so two changes of one report never overwrite each other. */
  private readonly lanes = new Map<string, Promise<unknown>>();
  /** Reports being accepted (written, not yet durable): suppression sees them (recent()), delivery does not. */
  private readonly accepting = new Map<string, SpoolRecord>();
  /** Per event source: its reports in every folder, accepting ones included (suppression's look-up). */
  private readonly bySource = new Map<string, Set<string>>();
  private readonly order = new PendingOrder();
  private last: LastAttempts = {};
  private readonly writer: GroupWrite;
  /** Folder reads since open (open reads each folder once; a delivery never does), and sent/ files pruned unread. Tests read it. */
  readonly scans = { readdir: 0, unreadSent: 0 };

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
    this.writer = new GroupWrite(opts.writeFs ?? realWriteFs);
  }

  /** Batches and items of the group commit since open (the benchmarks print them). */
  get commits(): Readonly<{ batches: number; items: number; largest: number }> {
    return this.writer.stats;
  }

  /** Creates the folders, loads every report, sets corrupt files aside and settles interrupted moves. */
  static async open(stateDir: string, opts: SpoolOptions = {}): Promise<Spool> {
    const s = new Spool(stateDir, opts);
    for (const dir of Object.values(s.dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
    let unreadSent: string[] = [];
    for (const f of FOLDERS) {
      s.scans.readdir++;
      const loaded = await loadFolder(s.dirs[f], f, s.dirs.corrupt, s.now, s.log, f === 'sent' ? (opts.keepSent ?? 1000) : Infinity);
      s.records[f] = loaded.records;
      if (f === 'sent') unreadSent = loaded.unread;
    }
    s.scans.unreadSent = unreadSent.length;
    const doubles = settleDoubles(s.records);
    // sent/ files too old to keep were not read (recover.ts loadFolder): their names still settle a double
    for (const id of unreadSent) {
      for (const removed of ['expired', 'pending'] as const) {
        if (s.records[removed].delete(id)) doubles.push({ id, kept: 'sent', removed });
      }
    }
    for (const { id, kept, removed } of doubles) {
      await s.remove(removed, id);
      s.log(logEntry('ER_6052', { id, kept: DIR_NAME[kept] + '/', removed: DIR_NAME[removed] + '/' }, id));
    }
    for (let i = 0; i < unreadSent.length; i += 64) await Promise.all(unreadSent.slice(i, i + 64).map((id) => s.remove('sent', id)));
    // sent/ in the order sent, so pruning takes the oldest from the front of the map
    s.records.sent = new Map([...s.records.sent].sort(([, a], [, b]) => sentTime(a) - sentTime(b)));
    for (const f of FOLDERS) for (const r of s.records[f].values()) s.index(r.report);
    for (const r of s.records.pending.values()) s.order.set(r.report.id, r.report.createdAt);
    s.resumeAges();
    s.findLastAttempts();
    await s.pruneSent();
    return s;
  }

  /** The newest attempt that succeeded and the newest that failed, among the records read at open (once). */
  private findLastAttempts(): void {
    const seen = (id: string, e: HistoryEntry) => this.seenAt(id, e).getTime();
    let ok: { id: string; entry: HistoryEntry; t: number } | undefined;
    let failed: { id: string; entry: HistoryEntry; problem: Problem; t: number } | undefined;
    for (const f of FOLDERS) {
      for (const r of this.records[f].values()) {
        const id = r.report.id;
        const lastOk = lastWhere(r.history, (h) => h.ok);
        const lastFailed = r.lastError ? lastWhere(r.history, (h) => !h.ok) : undefined;
        if (lastOk && (!ok || seen(id, lastOk) > ok.t)) ok = { id, entry: lastOk, t: seen(id, lastOk) };
        if (lastFailed && (!failed || seen(id, lastFailed) > failed.t)) failed = { id, entry: lastFailed, problem: r.lastError!, t: seen(id, lastFailed) };
      }
    }
    this.last = {
      ...(ok ? { ok: { id: ok.id, entry: ok.entry } } : {}),
      ...(failed ? { failed: { id: failed.id, entry: failed.entry, problem: failed.problem } } : {}),
    };
  }

  /** The newest delivery and the newest failed attempt (status), kept as they happen: no record is looked through. */
  lastAttempts(): Readonly<LastAttempts> {
    return this.last;
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

  /**
   * Resolves only after the report is durably on disk: that is the acknowledgement. The same id twice is a no-op.
   * `collecting`: its logs are still being collected; it waits for finishCollection(). `relay`: relayed from an agent
   * (it keeps its own id and createdAt; its age counts from `relay.receivedAt`).
   */
  accept(init: NewReport, opts: { collecting?: boolean; relay?: SpoolRelay } = {}): Promise<Report> {
    if (init.id !== undefined && !UUID.test(init.id)) return Promise.reject(new TypeError(`report id ${init.id} is not a UUID`));
    const id = init.id ?? randomUUID();
    return this.lane(id, async () => {
      const existing = this.get(id);
      if (existing) return existing.report;
      const wall = this.now();
      const now = wall.toISOString();
      const report: Report = { ...init, id, createdAt: init.createdAt ?? now, count: init.count ?? 1 };
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
      this.accepting.set(id, rec);
      this.index(report);
      try {
        await this.write('pending', rec);
      } catch (e) {
        this.born.delete(id); // not accepted: nothing of it stays
        this.unindex(report);
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
    return this.lane(id, async () => {
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
    return this.order.ids().map((id) => this.records.pending.get(id)!);
  }

  /** The `n` newest waiting reports, newest first (status), taken from the end of the order index. */
  newestPending(n: number): SpoolRecord[] {
    return this.order.newest(n).map((id) => this.records.pending.get(id)!);
  }

  /**
   * The waiting reports oldest first, one at a time (the delivery loop stops at the first it sends, so a pass costs what
   * it looks at, not the spool's size). Reports that come or go between two steps are taken into account.
   */
  *walkPending(): Generator<SpoolRecord> {
    for (const id of this.order.walk()) {
      const r = this.records.pending.get(id);
      if (r) yield r;
    }
  }

  /**
   * The reports of `source` created at or after `since` (ms) in sent/ or waiting, those being accepted included
   * (suppression: an identical event right behind a new one sees its report). Looked up by source, not by a scan.
   */
  recent(source: string, since: number): SpoolEntry[] {
    const out: SpoolEntry[] = [];
    for (const id of this.bySource.get(source) ?? []) {
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
    return this.lane(id, async () => {
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
    return this.lane(id, async () => {
      const r = this.records.pending.get(id);
      if (!r) return;
      const wall = this.now();
      const at = wall.toISOString();
      const entry: HistoryEntry = { at, ok: false, code: problem.code, ...(opts.route !== undefined ? { route: opts.route } : {}), ...this.ageField(id) };
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
    return this.lane(id, async () => {
      const r = this.records.pending.get(id);
      if (!r) return;
      const add = Math.max(0, Math.min(ms, this.ageOf(id) ?? ms));
      if (add > 0) await this.write('pending', { ...r, heldMs: (r.heldMs ?? 0) + Math.round(add) });
    });
  }

  /** Gives up on a waiting report without a new attempt (its limit passed, or its window never opens before it). */
  expire(id: string, reason: Problem): Promise<void> {
    return this.lane(id, async () => {
      const r = this.records.pending.get(id);
      if (r) await this.move(r, 'expired', { ...r, expired: { at: this.now().toISOString(), problem: reason } });
    });
  }

  markSent(id: string, detail: string, route?: string): Promise<void> {
    return this.lane(id, async () => {
      const r = this.records.pending.get(id);
      if (!r) return;
      const at = this.now().toISOString();
      const entry: HistoryEntry = { at, ok: true, detail, ...(route !== undefined ? { route } : {}), ...this.ageField(id) };
      await this.move(r, 'sent', { ...r, attempts: r.attempts + 1, sentAt: at, history: this.history(r, entry) });
      this.last = { ...this.last, ok: { id, entry } };
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

  /** Changes of one report run one at a time, so a fold and a recorded failure never overwrite each other. */
  private lane<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const tail = this.lanes.get(id);
    const run = tail ? tail.then(fn, fn) : fn();
    const settled = run.catch(() => undefined);
    this.lanes.set(id, settled);
    void settled.then(() => {
      if (this.lanes.get(id) === settled) this.lanes.delete(id);
    });
    return run;
  }

  private index(r: Report): void {
    const source = r.event?.source;
    if (source === undefined) return;
    let ids = this.bySource.get(source);
    if (!ids) this.bySource.set(source, (ids = new Set()));
    ids.add(r.id);
  }

  private unindex(r: Report): void {
    const source = r.event?.source;
    const ids = source === undefined ? undefined : this.bySource.get(source);
    ids?.delete(r.id);
    if (ids?.size === 0) this.bySource.delete(source!);
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
    await this.writer.write(this.path(folder, id), serializeRecord(rec));
    this.records[folder].set(id, rec);
    if (folder === 'pending') this.order.set(id, rec.report.createdAt);
  }

  /** New copy first (durable), then the old one goes: a crash in between leaves two copies, which open() settles. */
  private async move(from: SpoolRecord, to: 'sent' | 'expired', rec: SpoolRecord): Promise<void> {
    const id = from.report.id;
    await this.write(to, rec);
    this.records.pending.delete(id);
    this.order.delete(id);
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
    await realWriteFs.unlink(this.path(folder, id)).catch(() => undefined); // a leftover is settled by the next open()
  }

  /** sent/'s map is in the order sent (open() sorts it once; each new one is added at its end): the oldest go first. */
  private async pruneSent(): Promise<void> {
    let extra = this.records.sent.size - (this.opts.keepSent ?? 1000);
    if (extra <= 0) return;
    const gone: string[] = [];
    for (const [id, r] of this.records.sent) {
      if (extra-- <= 0) break;
      this.records.sent.delete(id);
      this.born.delete(id);
      if (!this.records.expired.has(id) && !this.records.pending.has(id)) this.unindex(r.report);
      gone.push(id);
    }
    for (let i = 0; i < gone.length; i += 64) await Promise.all(gone.slice(i, i + 64).map((id) => this.remove('sent', id)));
  }
}
