/**
 * Group commit (docs/relay.md): a finished `.part` file is made durable and moved into `received/` together with
 * whatever else is ready: each file fdatasync'd (in parallel), how each came in appended to intent.log (one write and
 * fdatasync), each renamed to `received/<id>.frame`, then one fsync of the folder and one append to seen.log for the
 * whole batch, and only then is every report of the batch acknowledged. intent.log is emptied when no batch waits: a
 * crash between the renames and seen.log leaves frames whose port only intent.log knows (recover.ts).
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
  /** Before the renames: how the batch's reports came in, durably (intent.log). */
  intend?(entries: SeenEntry[]): Promise<void>;
  /** No batch waits: what intend() wrote is all in seen.log now. */
  idle?(): Promise<void>;
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
        if (this.queue.length === 0) await this.d.idle?.().catch(() => undefined); // stale lines are harmless: seen.log wins
      }
    } finally {
      this.running = false;
    }
  }

  private async one(batch: Waiting[]): Promise<void> {
    const synced = await this.each(batch, async (w) => {
      await datasyncFd(w.item.fd);
      await closeFd(w.item.fd);
    });
    const now = (this.d.now ?? (() => new Date()))();
    const entries = (ws: Waiting[]): SeenEntry[] => ws.filter((w) => w.item.remember).map((w) => ({ id: w.item.id, at: now, ...(w.item.via ?? {}) }));
    try {
      await this.d.intend?.(entries(synced));
    } catch (e) {
      for (const w of synced) {
        await unlink(w.item.part).catch(() => undefined);
        w.reject(e);
      }
      return;
    }
    const done = await this.each(synced, (w) => rename(w.item.part, w.item.final));
    if (done.length === 0) return;
    try {
      const dir = await open(this.d.dir, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      await this.d.remember(entries(done));
    } catch (e) {
      // Not known durable: not acknowledged (the agent sends again; a frame already in received/ is then a repeat).
      done.forEach((w) => w.reject(e));
      return;
    }
    this.stats.batches++;
    this.stats.items += done.length;
    done.forEach((w) => w.resolve());
  }

  /** Runs `step` on every item in parallel; an item whose step fails is rejected and its part removed. */
  private async each(ws: Waiting[], step: (w: Waiting) => Promise<void>): Promise<Waiting[]> {
    const ok = await Promise.all(
      ws.map(async (w) => {
        try {
          await step(w);
          return true;
        } catch (e) {
          await closeFd(w.item.fd).catch(() => undefined);
          await unlink(w.item.part).catch(() => undefined);
          w.reject(e);
          return false;
        }
      }),
    );
    return ws.filter((_, i) => ok[i]);
  }
}
