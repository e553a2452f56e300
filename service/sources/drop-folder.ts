/**
 * The drop folder `<state>/drop/`: a program that cannot call the local API writes one JSON event per file
 * (`{"source":"atapi","id":"0xc0040006","message":"..."}`), ideally as `name.tmp` then renamed to `name.json`. The service
 * takes each `*.json` (up to 64 at once, handed to the spool in name order, so a burst shares its fsyncs), accepts it,
 * and removes it only after the report is in the spool; a malformed, oversized or
 * non-regular entry is moved to `drop/rejected/` under a name of its own, with a log line, never retried forever and
 * never lost (docs/delivery.md "The drop folder").
 *
 * Watched with fs.watch; the folder does not depend on the local API or on a next fs event: what cannot be done now
 * (the spool's disk is full, no file descriptor is free, the watch itself failed) is logged once and retried by a timer
 * that backs off from 1 s to 60 s, so a file is taken soon after the cause passes even if nothing else changes. While
 * all is well nothing polls.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, rm, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { errnoCode, isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { issuesText } from '../../shared/messages/zod-issues.js';
import { eventBody } from '../../shared/host/service-api.js';
import { type IncomingEvent } from './event-source.js';
import { DROP_FILE_MAX, moveToRejected, pathIn, readDropEntry, signature } from './drop-entry.js';

export interface DropFolderOptions {
  /** Largest file read (DROP_FILE_MAX). */
  maxBytes?: number;
  /** The retry timer's first and longest wait (1 s, 60 s). */
  retryMs?: { first: number; max: number };
  /** Files taken at once (DROP_IN_FLIGHT): their reports share fsyncs; each file is at most maxBytes in memory. */
  inFlight?: number;
}

/** 64 files of at most 64 KiB: 4 MiB read at most at once. */
const DROP_IN_FLIGHT = 64;

/** The key under which a problem of the folder itself (not of one file) is remembered. */
const FOLDER = '';

export class DropFolder {
  private watcher: FSWatcher | undefined;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly retry: { first: number; max: number };
  private delay: number;
  private readonly max: number;
  private readonly inFlight: number;
  /** What was logged about a file (or the folder) that is still in trouble: logged again only if the cause changes. */
  private readonly noted = new Map<string, string>();
  /** Files left in place that could not be moved or removed: not read again until they change (their signature). */
  private readonly leftAlone = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly accept: (e: IncomingEvent) => Promise<unknown>,
    private readonly report: (p: Problem) => void,
    o: DropFolderOptions = {},
  ) {
    this.max = o.maxBytes ?? DROP_FILE_MAX;
    this.inFlight = Math.max(1, o.inFlight ?? DROP_IN_FLIGHT);
    this.retry = o.retryMs ?? { first: 1_000, max: 60_000 };
    this.delay = this.retry.first;
  }

  async start(): Promise<void> {
    await mkdir(join(this.dir, 'rejected'), { recursive: true, mode: 0o700 });
    this.watch();
    void this.scan(); // files dropped while the service was down
  }

  /** One scan at a time; a change during a scan triggers one more. Never rejects. */
  scan(): Promise<void> {
    if (this.again || this.stopped) return this.running;
    this.again = true;
    this.running = this.running
      .then(() => this.pass())
      .catch((e: unknown) => {
        this.trouble(FOLDER, 'ER_1036', e); // a bug, not a file: still logged and retried rather than ending intake
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
    await this.running;
  }

  /** fs.watch can fail at once (no inotify watch or descriptor left) or later (an 'error' event): the timer takes over. */
  private watch(): void {
    if (this.stopped || this.watcher) return;
    try {
      const w = watch(this.dir, () => void this.scan());
      w.on('error', (e) => {
        w.close();
        if (this.watcher === w) this.watcher = undefined;
        this.trouble(FOLDER, 'ER_1036', e);
      });
      this.watcher = w;
    } catch (e) {
      this.trouble(FOLDER, 'ER_1036', e);
    }
  }

  private async pass(): Promise<void> {
    this.again = false;
    let names: Buffer[];
    try {
      names = await readdir(this.dir, { encoding: 'buffer' });
    } catch (e) {
      this.trouble(FOLDER, 'ER_1036', e);
      return;
    }
    let troubled = !this.watcher;
    if (!troubled) this.recovered(FOLDER, problem('ER_6061', { path: this.dir }));
    const wanted = names.filter((n) => n.toString('latin1').toLowerCase().endsWith('.json')).sort(Buffer.compare);
    // Up to `inFlight` files at once, so their reports share the spool's group commits; each still hands its event
    // to accept() in name order (the gate), and is removed only once its own report is durable.
    const running = new Set<Promise<void>>();
    let gate: Promise<void> = Promise.resolve();
    for (const name of wanted) {
      if (this.stopped) break;
      while (running.size >= this.inFlight) await Promise.race(running);
      const before = gate;
      let entered!: () => void;
      gate = new Promise((r) => (entered = r));
      const t: Promise<void> = this.take(name, before, entered)
        .catch((e: unknown) => {
          troubled = true;
          this.trouble(name.toString('latin1'), 'ER_1035', e, join(this.dir, name.toString('utf8')));
        })
        .finally(() => {
          entered();
          running.delete(t);
        });
      running.add(t);
    }
    await Promise.all(running);
    if (this.stopped) return;
    // What went away (taken by hand, fixed) is forgotten, so the maps stay as small as the folder.
    const present = new Set(wanted.map((n) => n.toString('latin1')));
    for (const k of [...this.noted.keys(), ...this.leftAlone.keys()]) {
      if (k !== FOLDER && !present.has(k)) {
        this.noted.delete(k);
        this.leftAlone.delete(k);
      }
    }
    if (!troubled) this.delay = this.retry.first;
  }

  /** `turn`: resolved once the file before it has called accept(); `entered`: this one has (or will not). */
  private async take(name: Buffer, turn: Promise<void>, entered: () => void): Promise<void> {
    const key = name.toString('latin1');
    const path = pathIn(this.dir, name);
    const shown = join(this.dir, name.toString('utf8'));
    const left = this.leftAlone.get(key);
    if (left !== undefined) {
      const st = await lstat(path).catch(() => undefined);
      if (st && signature(st) === left) return;
      this.leftAlone.delete(key);
    }
    const entry = await readDropEntry(path, this.max);
    if (entry.kind === 'gone') return; // taken already
    if (entry.kind === 'not-regular') {
      return this.reject(name, signature(entry.stats), (moved) => problem('ER_1037', { path: shown, type: entry.type, moved }, { file: shown, line: 1 }));
    }
    if (entry.kind === 'too-large') {
      return this.reject(name, signature(entry.stats), (moved) =>
        problem('ER_1038', { path: shown, size: entry.size, limit: this.max, moved }, { file: shown, line: 1 }),
      );
    }
    let parsed;
    try {
      parsed = eventBody.safeParse(JSON.parse(entry.text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      const reason = parsed ? issuesText(parsed.error) : 'not JSON';
      return this.reject(name, signature(entry.stats), (moved) => problem('ER_1033', { path: shown, reason, moved }, { file: shown, line: 1 }));
    }
    const e = parsed.data;
    await turn;
    // Throws when the report cannot be spooled (disk full): the file stays, pass() logs it once and the timer retries.
    const accepted = this.accept({ source: e.source, id: parseInt(e.id, 16) >>> 0, message: e.message ?? '', ...(e.time ? { time: e.time } : {}) });
    entered();
    await accepted;
    this.recovered(key, problem('ER_6060', { path: shown }));
    try {
      await rm(path, { force: true });
    } catch (err) {
      // Accepted but still there: reading it again would report the event twice.
      this.leftAlone.set(key, signature(entry.stats));
      this.report(
        problem('ER_1039', {
          path: shown,
          action: { ja: '削除', en: 'removed' },
          why: { ja: 'イベントは受け付け済み', en: 'its event was accepted' },
          reason: reasonOf(err),
        }),
      );
    }
  }

  /** Into rejected/ under a free name; if even that fails, it is left where it is and not read again until it changes. */
  private async reject(name: Buffer, sig: string, said: (moved: string) => Problem): Promise<void> {
    const key = name.toString('latin1');
    this.noted.delete(key);
    let moved: string;
    try {
      moved = await moveToRejected(this.dir, name);
    } catch (e) {
      this.leftAlone.set(key, sig);
      const code = said('-').code; // which refusal it was (its text would say it had been moved)
      const why = { ja: `${code}: イベントとして使用できません`, en: `${code}: not usable as an event` };
      this.report(
        problem('ER_1039', {
          path: join(this.dir, name.toString('utf8')),
          action: { ja: 'rejected/ に移動', en: 'moved to rejected/' },
          why,
          reason: reasonOf(e),
        }),
      );
      return;
    }
    this.report(said(moved));
  }

  /** Logs a problem that the timer will retry, once per cause (a full disk is one line, not one per scan). */
  private trouble(key: string, code: 'ER_1035' | 'ER_1036', e: unknown, path = this.dir): void {
    const reason: LocalizedText | string = isCodedError(e) ? e.problem.message : reasonOf(e);
    // The cause without what changes between tries (a spool file's random temp name): its code and errno.
    const cause = `${code} ${isCodedError(e) ? e.problem.code : ''} ${errnoCode(isCodedError(e) ? e.cause : e) ?? (isCodedError(e) ? '' : reasonOf(e))}`;
    if (this.noted.get(key) !== cause) {
      this.noted.set(key, cause);
      this.report(problem(code, { path, reason, seconds: Math.ceil(this.delay / 1000), max: Math.ceil(this.retry.max / 1000) }));
    }
    this.retryLater();
  }

  /** A file (or the folder) that was in trouble works again: said once, so the log shows the problem has passed. */
  private recovered(key: string, p: Problem): void {
    if (!this.noted.has(key)) return;
    this.noted.delete(key);
    this.report(p);
  }

  /** Bounded backoff: 1 s, 2 s, 4 s ... 60 s; reset by a pass without trouble. One timer at a time. */
  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    const ms = this.delay;
    this.delay = Math.min(this.delay * 2, this.retry.max);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.watch();
      void this.scan();
    }, ms);
  }
}
