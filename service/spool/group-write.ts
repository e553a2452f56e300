/**
 * Group commit of the spool's files (docs/architecture.md "The spool"): every write that arrives while another batch of
 * its folder is on its way to the disk joins that folder's next batch. A batch writes each file's temp copy durably (in parallel),
 * renames each into place (in order for one path), then fsyncs each folder once; only then does any write of the batch
 * resolve. One write that fails (disk full) rejects with its own ER_1002 and leaves its old file as it was; the others
 * go on. Removals need no fsync (a leftover is settled by the next open, recover.ts).
 *
 * A removed report's file is kept as a spare (retire()) and the next write takes it instead of creating a file: creating
 * one cost about 0.9 ms of CPU here, most of a write (docs/benchmarks.md "Event → delivered latency (follow-up)"). A
 * spare is a temp file (`.<pid>.<random>.spare.tmp`, removed by the next open like any other), emptied, written and
 * renamed into place like a new temp file; the write's promises (data on disk, rename, folder fsync) are the same.
 * Each step that waits is a round trip to the thread pool, and on a loaded machine each costs a wait for a core: a
 * write is four (open, write through, rename, folder fsync; the folder is opened meanwhile, the closes not waited for).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { codedError, errnoCode, reasonOf } from '../../shared/node/coded-error.js';
import { Batcher } from './batcher.js';

export interface FileWrite {
  path: string;
  data: string;
}

/** The file operations a batch uses: the real ones, or a test's that fail on purpose (a full disk for one batch). */
export interface WriteFs {
  /**
   * Writes `data` durably to a temp file next to `path` (or to `spare`, a file of the same file system, emptied first)
   * and returns the temp file's path.
   */
  writeTemp(path: string, data: string, spare?: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  /** A folder opened while its batch is written, so its fsync need not wait for the open (closed by the batch). */
  openDir?(dir: string): Promise<FileHandle>;
  syncDir(dir: string, opened?: FileHandle): Promise<void>;
  unlink(path: string): Promise<void>;
}

const MODE = 0o600;

/**
 * Written through (O_DSYNC: each write returns once its data is on disk, as a write and an fdatasync would, one round
 * trip to the thread pool fewer). Where the platform has no O_DSYNC (Windows), an fdatasync follows the write.
 */
const DSYNC = constants.O_DSYNC as number | undefined;
const NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (DSYNC ?? 0);
/** An existing file (a spare), emptied; a link is not followed. */
const REUSE = constants.O_WRONLY | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0) | (DSYNC ?? 0);

async function openSpare(spare: string): Promise<FileHandle | undefined> {
  try {
    return await open(spare, REUSE);
  } catch {
    await unlink(spare).catch(() => undefined);
    return undefined;
  }
}

export const realWriteFs: WriteFs = {
  async writeTemp(path, data, spare) {
    let temp = spare;
    let fh = spare === undefined ? undefined : await openSpare(spare);
    if (!fh) {
      temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      fh = await open(temp, NEW, MODE);
    }
    try {
      await fh.writeFile(data);
      if (DSYNC === undefined) await fh.datasync();
    } catch (e) {
      await fh.close().catch(() => undefined);
      await unlink(temp!).catch(() => undefined);
      throw e;
    }
    if (DSYNC === undefined)
      await fh.close(); // as before where files are not written through (an open file may not move)
    else void fh.close().catch(() => undefined); // the data is on disk: the rename need not wait for the close
    return temp!;
  },
  rename: (from, to) => rename(from, to),
  openDir: (dir) => open(dir, constants.O_RDONLY),
  async syncDir(dir, opened) {
    const fh = opened ?? (await open(dir, constants.O_RDONLY));
    try {
      await fh.sync();
    } catch (e) {
      const code = errnoCode(e);
      if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EACCES') throw e; // cannot fsync a folder here
    } finally {
      if (!opened) await fh.close().catch(() => undefined);
    }
  },
  unlink: (path) => unlink(path),
};

const failed = (path: string, e: unknown): Error => codedError('ER_1002', { path, reason: reasonOf(e) }, {}, e);

/** Spares kept at most: what a burst's deliveries free beyond this is removed. */
const MAX_SPARES = 32;

export class GroupWrite {
  /**
   * One group commit per folder: a report accepted while a delivery's sent/ copy is on its way to the disk does not wait
   * for that batch (the waiting folder and sent/ are fsynced side by side). A move still writes its new copy before it
   * removes the old one: the spool awaits the one before the other.
   */
  private readonly batchers = new Map<string, Batcher<FileWrite>>();
  /** Removed reports' files, kept to be written again (see the top). */
  private readonly spares: string[] = [];

  constructor(private readonly fs: WriteFs = realWriteFs) {}

  get stats(): Readonly<{ batches: number; items: number; largest: number }> {
    const all = [...this.batchers.values()].map((b) => b.stats);
    return {
      batches: all.reduce((n, s) => n + s.batches, 0),
      items: all.reduce((n, s) => n + s.items, 0),
      largest: Math.max(0, ...all.map((s) => s.largest)),
    };
  }

  /** Resolves once `data` is durably at `path` (file and folder fsync'd); rejects with ER_1002 naming the path. */
  write(path: string, data: string): Promise<void> {
    const dir = dirname(path);
    let b = this.batchers.get(dir);
    if (!b) this.batchers.set(dir, (b = new Batcher((items) => this.flush(items))));
    return b.add({ path, data });
  }

  /**
   * Removes the file at `path` (a report that left its folder), keeping it as a spare for the next write. Like an
   * unlink it needs no fsync: a spare left by a crash is a temp file, which the next open removes.
   */
  async retire(path: string): Promise<void> {
    if (this.spares.length >= MAX_SPARES) return this.fs.unlink(path).catch(() => undefined);
    const spare = join(dirname(path), `.${process.pid}.${randomBytes(6).toString('hex')}.spare.tmp`);
    try {
      await this.fs.rename(path, spare);
      this.spares.push(spare);
    } catch {
      await this.fs.unlink(path).catch(() => undefined);
    }
  }

  private async flush(items: FileWrite[]): Promise<unknown[]> {
    const errors: unknown[] = items.map(() => undefined);
    // each folder opened while the files are written: its fsync then starts as soon as the renames are done
    const opened = new Map([...new Set(items.map((w) => dirname(w.path)))].map((d) => [d, this.fs.openDir?.(d).catch(() => undefined)]));
    try {
      return await this.commit(items, errors, opened);
    } finally {
      for (const h of opened.values()) void h?.then((fh) => fh?.close()).catch(() => undefined);
    }
  }

  private async commit(items: FileWrite[], errors: unknown[], opened: Map<string, Promise<FileHandle | undefined> | undefined>): Promise<unknown[]> {
    const temps = await Promise.all(
      items.map((w, i) =>
        this.fs.writeTemp(w.path, w.data, this.spares.pop()).catch((e: unknown) => {
          errors[i] = failed(w.path, e);
          return undefined;
        }),
      ),
    );
    // One path written twice in a batch: renamed in the order written, so the later data wins.
    const byPath = new Map<string, number[]>();
    items.forEach((w, i) => {
      if (temps[i] !== undefined) byPath.set(w.path, [...(byPath.get(w.path) ?? []), i]);
    });
    await Promise.all(
      [...byPath.values()].map(async (order) => {
        for (const i of order) {
          await this.fs.rename(temps[i]!, items[i]!.path).catch(async (e: unknown) => {
            errors[i] = failed(items[i]!.path, e);
            await this.fs.unlink(temps[i]!).catch(() => undefined);
          });
        }
      }),
    );
    const dirs = new Map<string, number[]>();
    items.forEach((w, i) => {
      if (errors[i] === undefined) dirs.set(dirname(w.path), [...(dirs.get(dirname(w.path)) ?? []), i]);
    });
    await Promise.all(
      [...dirs].map(([dir, members]) =>
        (async () => this.fs.syncDir(dir, await opened.get(dir)))().catch((e: unknown) => {
          for (const i of members) errors[i] = failed(items[i]!.path, e); // renamed, but not known durable: not acknowledged
        }),
      ),
    );
    return errors;
  }
}
