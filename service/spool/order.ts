/**
 * The waiting reports in delivery order (oldest createdAt first; equal times in the order they came), kept sorted as
 * reports come and go, so the delivery loop takes the next one without sorting or scanning the whole spool
 * (docs/architecture.md "The spool"). Walking it (walk()) survives changes made between two steps: it goes on after
 * the last report it gave.
 */
interface Entry {
  at: string;
  seq: number;
  id: string;
}

const before = (a: Entry, b: { at: string; seq: number }): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export class PendingOrder {
  private list: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private seq = 0;
  private version = 0;

  get size(): number {
    return this.list.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds (or moves, when its time changed) the report; a new one goes after every report of the same time. */
  set(id: string, at: string): void {
    const old = this.byId.get(id);
    if (old?.at === at) return;
    if (old) this.delete(id);
    const e: Entry = { at, seq: this.seq++, id };
    this.list.splice(this.firstAfter(e), 0, e);
    this.byId.set(id, e);
    this.version++;
  }

  delete(id: string): void {
    const e = this.byId.get(id);
    if (!e) return;
    const i = this.firstAfter(e) - 1; // e is the last entry not after itself
    if (this.list[i] === e) this.list.splice(i, 1);
    else this.list = this.list.filter((x) => x !== e); // not expected: the list is always sorted
    this.byId.delete(id);
    this.version++;
  }

  /** The `n` newest ids, newest first (status lists them): a slice of the tail, no sort. */
  newest(n: number): string[] {
    return this.list
      .slice(-n)
      .reverse()
      .map((e) => e.id);
  }

  ids(): string[] {
    return this.list.map((e) => e.id);
  }

  /** The ids in order, lazily; a change between two steps is taken into account (the walk goes on after the last id given). */
  *walk(): Generator<string> {
    let i = 0;
    let seen = this.version;
    let last: Entry | undefined;
    for (;;) {
      if (seen !== this.version) {
        i = last ? this.firstAfter(last) : 0;
        seen = this.version;
      }
      const e = this.list[i++];
      if (!e) return;
      last = e;
      yield e.id;
    }
  }

  /** Index of the first entry that sorts after `k` (binary search). */
  private firstAfter(k: { at: string; seq: number }): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.list[mid]!, k) || (this.list[mid]!.at === k.at && this.list[mid]!.seq === k.seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
