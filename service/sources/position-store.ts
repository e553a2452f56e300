/**
 * Where an event source stopped, kept in <state>/sources/ so a restart resumes there instead of at "now" (like
 * rsyslog imfile's state files and Fluentd in_tail's pos_file). A position is saved only after what comes before it
 * was accepted by the service (at-least-once: a crash replays at most the last unsaved stretch, never skips it), and
 * at most once per `everyMs` while lines keep coming; stop() writes the last one.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { errnoCode, reasonOf } from '../../shared/node/coded-error.js';
import { recordFormat, stamped } from '../../shared/node/formats/format.js';
import { problem, type Problem } from '../../shared/messages/problem.js';

/** The folder under the state folder. */
export const sourcesDir = (stateDir: string): string => join(stateDir, 'sources');

/** One file per source: `<kind>-<hash of its key>.json` (a path may hold characters a file name cannot). */
export const positionFile = (dir: string, kind: string, key: string): string =>
  join(dir, `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);

export class PositionStore<T extends object> {
  private latest: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();
  private lastError = '';

  constructor(
    readonly path: string,
    private readonly onProblem: (p: Problem) => void,
    private readonly everyMs = 1_000,
  ) {}

  /** The saved position; undefined when there is none, or (told as ER_9210) when it cannot be used. */
  async load(valid: (v: Record<string, unknown>) => v is Record<string, unknown> & T): Promise<T | undefined> {
    await this.removeStaleTemps();
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return undefined;
      this.onProblem(problem('ER_9210', { path: this.path, reason: reasonOf(e) }));
      return undefined;
    }
    try {
      const v = JSON.parse(text) as unknown;
      recordFormat(v, this.path);
      if (typeof v === 'object' && v !== null && valid(v as Record<string, unknown>)) return v as T;
      throw new Error('fields missing or of the wrong type');
    } catch (e) {
      this.onProblem(problem('ER_9210', { path: this.path, reason: reasonOf(e) }));
      return undefined;
    }
  }

  /** A save killed mid-write leaves its temp file (`.<name>.<pid>.<random>.tmp`, writeFileAtomic's): gone at start. */
  private async removeStaleTemps(): Promise<void> {
    const dir = dirname(this.path);
    const prefix = `.${basename(this.path)}.`;
    const names = await readdir(dir).catch(() => [] as string[]);
    const stale = names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp') && !n.startsWith(`${prefix}${process.pid}.`));
    await Promise.all(stale.map((n) => unlink(join(dir, n)).catch(() => undefined)));
  }

  /** Keeps `rec` to be written: now if the last write is `everyMs` old, else when it is. */
  save(rec: T): void {
    this.latest = rec;
    if (this.timer) return;
    const wait = Math.max(0, this.lastWrite + this.everyMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, wait);
  }

  /** Writes what is waiting (at stop). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
  }

  private write(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const rec = this.latest;
      if (!rec) return;
      this.latest = undefined;
      this.lastWrite = Date.now();
      try {
        await mkdir(join(this.path, '..'), { recursive: true, mode: 0o700 });
        await writeFileAtomic(this.path, `${JSON.stringify(stamped(rec))}\n`, { mode: 0o600, forceMode: true });
        this.lastError = '';
      } catch (e) {
        const reason = reasonOf(e);
        if (reason !== this.lastError) this.onProblem(problem('ER_9211', { path: this.path, reason }));
        this.lastError = reason;
      }
    });
    return this.writing;
  }
}
