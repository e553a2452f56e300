/**
 * Group commit of the spool's files (docs/architecture.md "The spool"): every write that arrives while another batch is
 * on its way to the disk joins the next batch. A batch writes each file's temp copy and fdatasyncs it (in parallel),
 * renames each into place (in order for one path), then fsyncs each folder once; only then does any write of the batch
 * resolve. One write that fails (disk full) rejects with its own ER_1002 and leaves its old file as it was; the others
 * go on. Removals need no fsync (a leftover is settled by the next open, recover.ts).
 *
 * A removed report's file is kept as a spare (retire()) and the next write takes it instead of creating a file: creating
 * one cost about 0.9 ms of CPU here, most of a write (docs/benchmarks.md "Event → delivered latency (follow-up)"). A
 * spare is a temp file (`.<pid>.<random>.spare.tmp`, removed by the next open like any other) truncated before it is
 * written; the write's promises (file fsync, rename, folder fsync) are those of a new file.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { codedError, errnoCode, reasonOf } from '../../shared/node/coded-error.js';
import { Batcher } from './batcher.js';

export interface FileWrite {
  path: string;
  data: string;
}

/** The file operations a batch uses: the real ones, or a test's that fail on purpose (a full disk for one batch). */
export interface WriteFs {
  /** `spare`: a file of the same file system to write instead of creating one (moved next to `path` first). */
  writeTemp(path: string, data: string, spare?: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const MODE = 0o600;

/** An existing file, emptied; a link is not followed. */
const REUSE = constants.O_WRONLY | constants.O_TRUNC | constants.O_NOFOLLOW;

/** The spare moved to `temp` and opened, or undefined when it is gone or cannot move there (another file system). */
async function reuse(spare: string, temp: string) {
  try {
    await rename(spare, temp);
    return await open(temp, REUSE);
  } catch {
    await unlink(spare).catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    return undefined;
  }
}

export const realWriteFs: WriteFs = {
  async writeTemp(path, data, spare) {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const fh = (spare !== undefined ? await reuse(spare, temp) : undefined) ?? (await open(temp, 'wx', MODE));
    try {
      try {
        await fh.writeFile(data);
        await fh.datasync();
      } finally {
        await fh.close();
      }
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw e;
    }
    return temp;
  },
  rename: (from, to) => rename(from, to),
  async syncDir(dir) {
    const fh = await open(dir, constants.O_RDONLY);
    try {
      await fh.sync();
    } catch (e) {
      const code = errnoCode(e);
      if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EACCES') throw e; // cannot fsync a folder here
    } finally {
      await fh.close().catch(() => undefined);
    }
  },
  unlink: (path) => unlink(path),
};

const failed = (path: string, e: unknown): Error => codedError('ER_1002', { path, reason: reasonOf(e) }, {}, e);

/** Spares kept at most: what a burst's deliveries free beyond this is removed. */
const MAX_SPARES = 32;

export class GroupWrite {
  private readonly batcher: Batcher<FileWrite>;
  /** Removed reports' files, kept to be written again (see the top). */
  private readonly spares: string[] = [];

  constructor(private readonly fs: WriteFs = realWriteFs) {
    this.batcher = new Batcher((items) => this.flush(items));
  }

  get stats(): Readonly<{ batches: number; items: number; largest: number }> {
    return this.batcher.stats;
  }

  /** Resolves once `data` is durably at `path` (file and folder fsync'd); rejects with ER_1002 naming the path. */
  write(path: string, data: string): Promise<void> {
    return this.batcher.add({ path, data });
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
        this.fs.syncDir(dir).catch((e: unknown) => {
          for (const i of members) errors[i] = failed(items[i]!.path, e); // renamed, but not known durable: not acknowledged
        }),
      ),
    );
    return errors;
  }
}
