/**
 * Group commit of the spool's files (docs/architecture.md "The spool"): every write that arrives while another batch is
 * on its way to the disk joins the next batch. A batch writes each file's temp copy and fdatasyncs it (in parallel),
 * renames each into place (in order for one path), then fsyncs each folder once; only then does any write of the batch
 * resolve. One write that fails (disk full) rejects with its own ER_1002 and leaves its old file as it was; the others
 * go on. Removals need no fsync (a leftover is settled by the next open, recover.ts).
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
  writeTemp(path: string, data: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const MODE = 0o600;

export const realWriteFs: WriteFs = {
  async writeTemp(path, data) {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const fh = await open(temp, 'wx', MODE);
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

export class GroupWrite {
  private readonly batcher: Batcher<FileWrite>;

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

  private async flush(items: FileWrite[]): Promise<unknown[]> {
    const errors: unknown[] = items.map(() => undefined);
    const temps = await Promise.all(
      items.map((w, i) =>
        this.fs.writeTemp(w.path, w.data).catch((e: unknown) => {
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
