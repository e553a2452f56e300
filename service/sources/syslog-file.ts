/**
 * A syslog file (/var/log/syslog, /var/log/messages; the path is configurable) followed like `tail -F`: from its end
 * at start, then every appended line, mapped to an event like the journal's (event-id.ts). Woken by fs.watch on the
 * file and on its folder (no polling while idle). Rotation:
 *   rename + create (logrotate `create`): the folder says the name changed; the old file is drained through the
 *     handle still open on it, kept open a little longer (`rotatedGraceMs`) for what its writer adds before it
 *     reopens, and the new file is read from its start;
 *   copytruncate: the file is shorter than what was read, so it is read again from 0.
 * A file that does not exist yet is read from its start when it appears. A partial last line waits for its newline.
 */
import { stat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { problem } from '../../shared/messages/problem.js';
import { toEvent } from './event-id.js';
import { handOver, type EventSource, type IncomingEvent, type SourceOptions } from './event-source.js';
import { LogFile } from './log-file.js';
import { SkippedLines } from './skipped-lines.js';
import { parseSyslogLine } from './syslog-line.js';

export interface SyslogFileOptions extends SourceOptions {
  path: string;
  /** How long a rotated-away file is still drained when written (default 60 s). */
  rotatedGraceMs?: number;
}

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
  private onEvent: (e: IncomingEvent) => void = () => undefined;
  private readonly skipped: SkippedLines;

  constructor(private readonly o: SyslogFileOptions) {
    this.skipped = new SkippedLines(o.path, o.onProblem);
  }

  get path(): string {
    return this.o.path;
  }

  async start(onEvent: (e: IncomingEvent) => void): Promise<void> {
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
        file = await LogFile.open(this.o.path, 'end');
      } catch (e) {
        this.fail('ER_1401', e);
      }
      if (file) this.current = this.follow(file);
      else this.o.onProblem(problem('ER_6403', { path: this.o.path }));
    })();
    await this.running;
    this.o.onProblem(problem('ER_6402', { source: this.o.path }));
    await this.check(); // whatever changed while we set up
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
    });
    return this.running;
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
      else handOver(this.onEvent, toEvent(parsed), this.o.path, this.o.onProblem);
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
  }
}
