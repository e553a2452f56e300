/**
 * A syslog file (/var/log/syslog, /var/log/messages; the path is configurable) followed like `tail -F`: from its end
 * at start, then every appended line, mapped to an event like the journal's (event-id.ts). Woken by fs.watch on the
 * file and on its folder (no polling while idle). Rotation:
 *   rename + create (logrotate `create`): the folder says the name changed; the old file is drained through the
 *     handle still open on it, kept open a little longer (`rotatedGraceMs`) for what its writer adds before it
 *     reopens, and the new file is read from its start;
 *   copytruncate: the file is shorter than what was read, so it is read again from 0.
 * A file that does not exist yet is read from its start when it appears. A partial last line waits for its newline.
 * With `positions` (the service's <state>/sources/), where reading stopped is kept (position-store.ts) once the lines
 * before it were accepted, and a restart resumes there: the same file (dev + inode) at least that long is read from
 * the saved offset, another file at that path (rotated while stopped) from its start; no saved position: the end.
 * That catch-up is bounded (catch-up.ts): at most the last `catchUpBytes`, and no line older than the retry limit.
 */
import { stat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { problem } from '../../shared/messages/problem.js';
import { CATCH_UP_BYTES, OldLines, catchUpHours, type CatchUpOptions } from './catch-up.js';
import { toEvent } from './event-id.js';
import { handOver, type EventSource, type IncomingEvent, type SourceOptions } from './event-source.js';
import { LogFile } from './log-file.js';
import { PositionStore, positionFile } from './position-store.js';
import { SkippedLines } from './skipped-lines.js';
import { parseSyslogLine } from './syslog-line.js';

export interface SyslogFileOptions extends SourceOptions, CatchUpOptions {
  path: string;
  /** How long a rotated-away file is still drained when written (default 60 s). */
  rotatedGraceMs?: number;
  /** Folder of saved positions; without it every start reads from the file's end. */
  positions?: string;
}

interface FilePosition {
  path: string;
  dev: number;
  ino: number;
  offset: number;
}

const isFilePosition = (v: Record<string, unknown>): v is Record<string, unknown> & FilePosition =>
  typeof v.path === 'string' && [v.dev, v.ino, v.offset].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0);

interface Open {
  file: LogFile;
  watcher: FSWatcher | undefined;
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class SyslogFileSource implements EventSource {
  private current: Open | undefined;
  private rotated: { open: Open; timer: ReturnType<typeof setTimeout> } | undefined;
  private folder: FSWatcher | undefined;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private stopped = false;
  private lastError = '';
  private onEvent: (e: IncomingEvent) => unknown = () => undefined;
  private readonly skipped: SkippedLines;
  private readonly old: OldLines;
  private readonly store: PositionStore<FilePosition> | undefined;
  /** What onEvent returned for the lines read since the last position was kept (a promise: accepted or not). */
  private batch: unknown[] = [];
  /** Positions are kept in order, each after its lines were accepted. */
  private accepted: Promise<void> = Promise.resolve();
  private kept = '';
  /** A line the service did not accept: no later position is kept (a restart reads it again). */
  private refused = false;

  constructor(private readonly o: SyslogFileOptions) {
    this.skipped = new SkippedLines(o.path, o.onProblem);
    this.old = new OldLines(o.path, catchUpHours(o), o.onProblem);
    this.store = o.positions ? new PositionStore(positionFile(o.positions, 'syslog', o.path), o.onProblem) : undefined;
  }

  get path(): string {
    return this.o.path;
  }

  /** `onEvent` may return a promise of the event's acceptance (false or a rejection: not accepted). */
  async start(onEvent: (e: IncomingEvent) => unknown): Promise<void> {
    this.onEvent = onEvent;
    this.stopped = false;
    const name = basename(this.o.path);
    try {
      // Names in the folder change on rotation and creation; the filename filter keeps a busy /var/log cheap.
      this.folder = watch(dirname(this.o.path), (_ev, f) => {
        if (!f || f === name) void this.check();
      });
      this.folder.on('error', (e) => this.fail('ER_1402', e));
    } catch (e) {
      this.fail('ER_1402', e);
      return;
    }
    // The first open is the first step of the chain the checks run on (set in this same turn, before the watch can
    // fire): a write during it cannot make a check open the file a second time from its start (a replay of old lines).
    this.running = (async () => {
      let file: LogFile | undefined;
      try {
        file = await this.openFirst();
      } catch (e) {
        this.fail('ER_1401', e);
      }
      if (file) this.current = this.follow(file);
      else this.o.onProblem(problem('ER_6403', { path: this.o.path }));
      this.keep(); // a first start's end is where the next start resumes
    })();
    await this.running;
    this.o.onProblem(problem('ER_6402', { source: this.o.path }));
    await this.check(); // whatever changed while we set up
    this.old.end(); // the backlog is read: what comes now is new
  }

  /** One check at a time; a change during a check makes one more. */
  check(): Promise<void> {
    if (this.again || this.stopped) return this.running;
    this.again = true;
    this.running = this.running.then(async () => {
      this.again = false;
      if (this.stopped) return;
      try {
        await this.look();
        this.lastError = '';
      } catch (e) {
        this.fail('ER_1401', e);
      }
      this.keep();
    });
    return this.running;
  }

  /** The saved position if it still fits the file; else the new file's start, or (none saved) its end. */
  private async openFirst(): Promise<LogFile | undefined> {
    const saved = await this.store?.load(isFilePosition);
    if (!saved || saved.path !== this.o.path) return LogFile.open(this.o.path, 'end');
    const file = await LogFile.open(this.o.path, 'start');
    if (!file) return undefined;
    const size = await file.size();
    let from = 0;
    if (file.ino !== saved.ino || file.dev !== saved.dev) this.o.onProblem(problem('ER_6404', { path: this.o.path, how: 'while the service was stopped' }));
    else if (size >= saved.offset) from = saved.offset;
    else this.o.onProblem(problem('ER_6404', { path: this.o.path, how: 'copytruncate, while the service was stopped' }));
    const limit = this.o.catchUpBytes ?? CATCH_UP_BYTES;
    if (size - from <= limit) file.resumeAt(from);
    else {
      const offset = await file.skipTo(size - limit);
      this.o.onProblem(problem('ER_9212', { path: this.o.path, skipped: offset - from, limit, offset }));
    }
    this.old.begin();
    return file;
  }

  /** Queues the current position, to be saved once the lines read before it are accepted. */
  private keep(): void {
    const batch = this.batch.splice(0);
    const file = this.current?.file;
    const offset = file?.position;
    if (!this.store || !file || offset === undefined) return;
    const rec: FilePosition = { path: this.o.path, dev: file.dev, ino: file.ino, offset };
    const key = `${rec.dev}:${rec.ino}:${rec.offset}`;
    if (key === this.kept && batch.length === 0) return;
    this.kept = key;
    const store = this.store;
    this.accepted = this.accepted.then(async () => {
      const outcomes = await Promise.allSettled(batch);
      if (outcomes.some((x) => x.status === 'rejected' || x.value === false)) this.refused = true;
      if (!this.refused) store.save(rec);
    });
  }

  private async look(): Promise<void> {
    if (this.rotated) this.emit(await this.rotated.open.file.read());
    if (this.current) this.emit(await this.current.file.read());
    const st = await stat(this.o.path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined; // renamed away, not created yet: the folder tells when it is
      throw e;
    });
    if (!st) return;
    const cur = this.current;
    if (!cur) {
      const file = await LogFile.open(this.o.path, 'start');
      if (file) this.current = this.follow(file);
    } else if (st.ino !== cur.file.ino || st.dev !== cur.file.dev) {
      this.retire(cur);
      this.current = undefined; // if the new file cannot be opened now, the next check opens it (not the retired one)
      const file = await LogFile.open(this.o.path, 'start');
      this.current = file && this.follow(file);
      this.o.onProblem(problem('ER_6404', { path: this.o.path, how: 'rename + create' }));
    } else if (await cur.file.truncated()) {
      cur.file.restartFromZero();
      this.o.onProblem(problem('ER_6404', { path: this.o.path, how: 'copytruncate' }));
    }
    if (this.current) this.emit(await this.current.file.read());
  }

  /** The watch on the file follows its inode: after a rename it still says when the old file is written. */
  private follow(file: LogFile): Open {
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(this.o.path, () => void this.check());
      watcher.on('error', () => undefined); // the file went away; the folder watch covers what comes next
    } catch {
      watcher = undefined; // gone again already: the folder watch still wakes us
    }
    return { file, watcher };
  }

  private retire(open: Open): void {
    if (this.rotated) void this.letGo(this.rotated);
    const grace = this.o.rotatedGraceMs ?? 60_000;
    const entry: { open: Open; timer: ReturnType<typeof setTimeout> } = {
      open,
      timer: setTimeout(() => {
        this.running = this.running.then(() => this.letGo(entry));
      }, grace),
    };
    this.rotated = entry;
  }

  private async letGo(r: { open: Open; timer: ReturnType<typeof setTimeout> }): Promise<void> {
    clearTimeout(r.timer);
    if (this.rotated === r) this.rotated = undefined;
    r.open.watcher?.close();
    try {
      const lines = await r.open.file.read();
      const rest = r.open.file.rest();
      this.emit(rest === undefined ? lines : [...lines, rest]);
    } catch (e) {
      this.fail('ER_1401', e);
    }
    await r.open.file.close();
  }

  private emit(lines: string[]): void {
    for (const line of lines) {
      if (!line.trim()) continue;
      const parsed = parseSyslogLine(line);
      if (!parsed) this.skipped.skip(line);
      else if (!this.old.skip(parsed.time)) this.batch.push(handOver(this.onEvent, toEvent(parsed), this.o.path, this.o.onProblem));
    }
  }

  /** Told once per distinct reason: a file that stays unreadable does not flood the log. */
  private fail(code: 'ER_1401' | 'ER_1402', e: unknown): void {
    const reason = errText(e);
    if (reason === this.lastError) return;
    this.lastError = reason;
    this.o.onProblem(problem(code, { path: this.o.path, reason }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.folder?.close();
    await this.running;
    const r = this.rotated;
    this.rotated = undefined;
    if (r) {
      clearTimeout(r.timer);
      r.open.watcher?.close();
      await r.open.file.close();
    }
    this.current?.watcher?.close();
    await this.current?.file.close();
    this.current = undefined;
    this.skipped.flush();
    this.old.end();
    await this.accepted;
    await this.store?.flush();
  }
}
