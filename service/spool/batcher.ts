/**
 * The shape every group commit here shares (the spool's writes, the relay's received frames): callers add items; while a
 * batch is on its way to the disk the next one gathers, so under load many items share one fsync of their folder and
 * when it is quiet each goes alone at once (no timer: nothing waits for a batch to fill). Each item's promise settles
 * with its own outcome: the flush says, per item, undefined (durable) or the error it failed with.
 */
export type Flush<T> = (items: T[]) => Promise<Array<unknown>>;

interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(e: unknown): void;
}

export class Batcher<T> {
  private queue: Array<Waiting<T>> = [];
  private running = false;
  /** Batches and items since the start (status and the benchmarks read them). */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  constructor(
    private readonly flush: Flush<T>,
    /** After a batch, when no other waits (the relay empties intent.log then). */
    private readonly idle?: () => Promise<void>,
  ) {}

  add(item: T): Promise<void> {
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
        let errors: unknown[];
        try {
          errors = await this.flush(batch.map((w) => w.item));
        } catch (e) {
          errors = batch.map(() => e);
        }
        let ok = 0;
        batch.forEach((w, i) => {
          const e = errors[i];
          if (e === undefined) {
            ok++;
            w.resolve();
          } else w.reject(e);
        });
        if (ok > 0) {
          this.stats.batches++;
          this.stats.items += ok;
          this.stats.largest = Math.max(this.stats.largest, ok);
        }
        if (this.queue.length === 0) await this.idle?.().catch(() => undefined);
      }
    } finally {
      this.running = false;
    }
  }
}
