/**
 * Group commit (docs/relay.md): a finished `.part` file is made durable and moved into `received/` together with
 * whatever else is ready: each file fdatasync'd (in parallel), renamed to `received/<id>.frame`, then one fsync of the
 * folder and one append to seen.log for the whole batch, and only then is every report of the batch acknowledged.
 * While a batch is on its way to the disk, the next one gathers: many reports per folder fsync under load, one at a
 * time when it is quiet (no timer: nothing waits for a batch to fill).
 */
import { fdatasync, close } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type SeenEntry } from './seen-ids.js';

const datasyncFd = promisify(fdatasync);
const closeFd = promisify(close);

export interface CommitItem {
  /** The `.part` file's open descriptor (its writes finished) and path. */
  fd: number;
  part: string;
  /** Where it goes: `received/<id>.frame`. */
  final: string;
  id: string;
  /** Remember the id in seen.log (a queued report); test/activation are forwarded at once and not remembered. */
  remember: boolean;
  /** How it came in, kept on its seen.log line for the recovery. */
  via?: { port: 'express' | 'https'; from: string };
}

export interface GroupCommitDeps {
  /** The folder the files are renamed into (fsync'd once per batch). */
  dir: string;
  /** Appends the batch's remembered ids durably (seen-ids.ts). */
  remember(entries: SeenEntry[]): Promise<void>;
  now?: () => Date;
}

interface Waiting {
  item: CommitItem;
  resolve(): void;
  reject(e: unknown): void;
}

export class GroupCommit {
  private queue: Waiting[] = [];
  private running = false;
  /** Batches and their sizes since the start (status and the bench read them). */
  readonly stats = { batches: 0, items: 0 };

  constructor(private readonly d: GroupCommitDeps) {}

  /** Resolves once the file is renamed into place, the folder fsync'd and (remember) its id in seen.log. */
  commit(item: CommitItem): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.one(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async one(batch: Waiting[]): Promise<void> {
    const moved = await Promise.all(
      batch.map(async (w) => {
        try {
          await datasyncFd(w.item.fd);
          await closeFd(w.item.fd);
          await rename(w.item.part, w.item.final);
          return true;
        } catch (e) {
          await closeFd(w.item.fd).catch(() => undefined);
          await unlink(w.item.part).catch(() => undefined);
          w.reject(e);
          return false;
        }
      }),
    );
    const done = batch.filter((_, i) => moved[i]);
    if (done.length === 0) return;
    try {
      const dir = await open(this.d.dir, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      const at = (this.d.now ?? (() => new Date()))();
      await this.d.remember(done.filter((w) => w.item.remember).map((w) => ({ id: w.item.id, at, ...(w.item.via ?? {}) })));
    } catch (e) {
      // Not known durable: not acknowledged (the agent sends again; a frame already in received/ is then a repeat).
      done.forEach((w) => w.reject(e));
      return;
    }
    this.stats.batches++;
    this.stats.items += done.length;
    done.forEach((w) => w.resolve());
  }
}
