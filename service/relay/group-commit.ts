/**
 * Group commit (docs/relay.md): a finished `.part` file is made durable and moved into `received/` together with
 * whatever else is ready: each file fdatasync'd (in parallel), how each came in appended to intent.log (one write and
 * fdatasync), each renamed to `received/<id>.frame`, then one fsync of the folder and one append to seen.log for the
 * whole batch, and only then is every report of the batch acknowledged. intent.log is emptied when no batch waits: a
 * crash between the renames and seen.log leaves frames whose port only intent.log knows (recover.ts).
 * While a batch is on its way to the disk, the next one gathers (the Batcher the spool's group commit uses too): many
 * reports per folder fsync under load, one at a time when it is quiet (no timer: nothing waits for a batch to fill).
 */
import { fdatasync, close } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Batcher } from '../spool/batcher.js';
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

/** An item of the batch and its outcome: undefined when durable, else the error it failed with. */
interface Slot {
  item: CommitItem;
  error?: unknown;
}

export class GroupCommit {
  private readonly batcher: Batcher<CommitItem>;

  constructor(private readonly d: GroupCommitDeps) {
    // stale intent.log lines are harmless: seen.log wins
    this.batcher = new Batcher(
      (items) => this.one(items),
      () => this.d.idle?.() ?? Promise.resolve(),
    );
  }

  /** Batches and their sizes since the start (status and the bench read them). */
  get stats(): Readonly<{ batches: number; items: number }> {
    const { batches, items } = this.batcher.stats;
    return { batches, items };
  }

  /** Resolves once the file is renamed into place, the folder fsync'd and (remember) its id in seen.log. */
  commit(item: CommitItem): Promise<void> {
    return this.batcher.add(item);
  }

  private async one(items: CommitItem[]): Promise<unknown[]> {
    const slots: Slot[] = items.map((item) => ({ item }));
    const synced = await this.each(slots, async (item) => {
      await datasyncFd(item.fd);
      await closeFd(item.fd);
    });
    const now = (this.d.now ?? (() => new Date()))();
    const entries = (ss: Slot[]): SeenEntry[] => ss.filter((s) => s.item.remember).map((s) => ({ id: s.item.id, at: now, ...(s.item.via ?? {}) }));
    const fail = (ss: Slot[], e: unknown) => ss.forEach((s) => (s.error = e));
    try {
      await this.d.intend?.(entries(synced));
    } catch (e) {
      for (const s of synced) await unlink(s.item.part).catch(() => undefined);
      fail(synced, e);
      return slots.map((s) => s.error);
    }
    const done = await this.each(synced, (item) => rename(item.part, item.final));
    if (done.length > 0) {
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
        fail(done, e);
      }
    }
    return slots.map((s) => s.error);
  }

  /** Runs `step` on every item in parallel; an item whose step fails keeps its error and its part is removed. */
  private async each(slots: Slot[], step: (item: CommitItem) => Promise<void>): Promise<Slot[]> {
    const ok = await Promise.all(
      slots.map(async (s) => {
        try {
          await step(s.item);
          return true;
        } catch (e) {
          await closeFd(s.item.fd).catch(() => undefined);
          await unlink(s.item.part).catch(() => undefined);
          s.error = e;
          return false;
        }
      }),
    );
    return slots.filter((_, i) => ok[i]);
  }
}
