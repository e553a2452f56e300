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
import { logEntry, type LogSink } from './log-entry.js';
import { loadFolder, settleDoubles } from './recover.js';
import { serializeRecord, UUID, type Folder, type HistoryEntry, type SpoolEntry, type SpoolRecord } from './record.js';

export type { Folder, HistoryEntry, SpoolEntry, SpoolRecord } from './record.js';

export interface SpoolOptions {
  now?: () => Date;
  /** sent/ keeps the newest this many (default 1000); pending and expired reports are never pruned. */
  keepSent?: number;
  /** Attempts kept in a report's history (default 20). */
  historyLimit?: number;
  onEvent?: LogSink;
}

/** A report to accept: the spool gives it an id (UUID) and createdAt unless it already has them (a relayed report). */
export type NewReport = Omit<Report, 'id' | 'createdAt' | 'count'> & Partial<Pick<Report, 'id' | 'createdAt' | 'count'>>;

const FOLDERS: readonly Folder[] = ['pending', 'sent', 'expired'];
const DIR_NAME: Record<Folder, string> = { pending: 'spool', sent: 'sent', expired: 'expired' };

const byCreated = (a: SpoolRecord, b: SpoolRecord): number =>
  a.report.createdAt < b.report.createdAt ? -1 : a.report.createdAt > b.report.createdAt ? 1 : 0;

export class Spool {
  readonly dirs: Readonly<Record<Folder | 'corrupt', string>>;
  private records: Record<Folder, Map<string, SpoolRecord>> = { pending: new Map(), sent: new Map(), expired: new Map() };
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<(r: Report) => void>();
  private readonly now: () => Date;
  private readonly log: LogSink;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(stateDir: string, private readonly opts: SpoolOptions) {
    const d = (f: Folder) => join(stateDir, DIR_NAME[f]);
    this.dirs = { pending: d('pending'), sent: d('sent'), expired: d('expired'), corrupt: join(d('pending'), 'corrupt') };
    this.now = opts.now ?? (() => new Date());
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
    await s.pruneSent();
    return s;
  }

  /**
   * Resolves only after the report is durably on disk: that is the acknowledgement. The same id twice is a no-op.
   * `collecting`: its logs are still being collected; it waits for finishCollection().
   */
  accept(init: NewReport, opts: { collecting?: boolean } = {}): Promise<Report> {
    return this.serial(async () => {
      if (init.id !== undefined && !UUID.test(init.id)) throw new TypeError(`report id ${init.id} is not a UUID`);
      const existing = init.id !== undefined ? this.get(init.id) : undefined;
      if (existing) return existing.report;
      const now = this.now().toISOString();
      const report: Report = { ...init, id: init.id ?? randomUUID(), createdAt: init.createdAt ?? now, count: init.count ?? 1 };
      const rec: SpoolRecord = { report, attempts: 0, nextAttemptAt: now, history: [], ...(opts.collecting ? { collecting: { since: now } } : {}) };
      await this.write('pending', rec);
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

  /** Waiting reports whose next attempt is at or before `now` (the time window is the delivery loop's business). */
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

  /** One failed attempt. `next`: when to try again, or 'expired' (moved to expired/ with `reason`, default `problem`). */
  recordFailure(id: string, problem: Problem, next: Date | 'expired', opts: { route?: string; reason?: Problem } = {}): Promise<void> {
    return this.serial(async () => {
      const r = this.records.pending.get(id);
      if (!r) return;
      const at = this.now().toISOString();
      const entry: HistoryEntry = { at, ok: false, code: problem.code, ...(opts.route !== undefined ? { route: opts.route } : {}) };
      const rec: SpoolRecord = { ...r, attempts: r.attempts + 1, lastError: problem, history: this.history(r, entry) };
      if (next === 'expired') await this.move(rec, 'expired', { ...rec, expired: { at, problem: opts.reason ?? problem } });
      else await this.write('pending', { ...rec, nextAttemptAt: next.toISOString() });
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
      const entry: HistoryEntry = { at, ok: true, detail, ...(route !== undefined ? { route } : {}) };
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

  private history(r: SpoolRecord, entry: HistoryEntry): HistoryEntry[] {
    return [...r.history, entry].slice(-(this.opts.historyLimit ?? 20));
  }

  private path(folder: Folder, id: string): string {
    return join(this.dirs[folder], `${id}.json`);
  }

  private async write(folder: Folder, rec: SpoolRecord): Promise<void> {
    await writeFileAtomic(this.path(folder, rec.report.id), serializeRecord(rec), { mode: 0o600 });
    this.records[folder].set(rec.report.id, rec);
  }

  /** New copy first (durable), then the old one goes: a crash in between leaves two copies, which open() settles. */
  private async move(from: SpoolRecord, to: Folder, rec: SpoolRecord): Promise<void> {
    const id = from.report.id;
    await this.write(to, rec);
    this.records.pending.delete(id);
    await this.remove('pending', id);
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
      await this.remove('sent', r.report.id);
    }
  }
}
