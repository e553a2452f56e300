/**
 * sent/ and expired/ as the spool holds them: in the order the reports got there (open() orders what it read once, by
 * the time each was sent or expired; every new one goes at the end) and bounded to the newest `keep`, the oldest
 * leaving first. Status takes the newest of both by merging the two ordered lists (newestFinished), never by a sort.
 */
import { type SpoolRecord } from './record.js';

export class FinishedFolder {
  /** By id, in the order finished. */
  readonly records = new Map<string, SpoolRecord>();
  /** The same ids in the same order, for walking from the newest end; ids before `head` are gone. */
  private ids: string[] = [];
  private head = 0;

  constructor(
    readonly keep: number,
    /** When the report got here (ms): the merge's key. */
    readonly time: (r: SpoolRecord) => number,
  ) {}

  /** What open() read, ordered once by `time` (the oldest first) and added after what is here. */
  load(read: Iterable<SpoolRecord>): void {
    for (const r of [...read].sort((a, b) => this.time(a) - this.time(b))) this.add(r);
  }

  get size(): number {
    return this.records.size;
  }

  /** A new report goes at the end; one already here is rewritten in its place. */
  add(r: SpoolRecord): void {
    const id = r.report.id;
    if (!this.records.has(id)) this.ids.push(id);
    this.records.set(id, r);
  }

  /** Removes the oldest beyond `keep` and returns them, oldest first. */
  takeOverflow(): SpoolRecord[] {
    const gone: SpoolRecord[] = [];
    while (this.records.size > this.keep && this.head < this.ids.length) {
      const id = this.ids[this.head++]!;
      const r = this.records.get(id);
      if (r && this.records.delete(id)) gone.push(r);
    }
    if (this.head > 1024 && this.head * 2 > this.ids.length) {
      this.ids = this.ids.slice(this.head);
      this.head = 0;
    }
    return gone;
  }

  /** Newest first, lazily: a status query costs what it lists. */
  *newestFirst(): Generator<SpoolRecord> {
    for (let i = this.ids.length - 1; i >= this.head; i--) {
      const r = this.records.get(this.ids[i]!);
      if (r) yield r;
    }
  }
}

/** The `n` newest of two folders, newest first by each one's time: a merge of two lists that are in order already. */
export function newestOfBoth(a: FinishedFolder, b: FinishedFolder, n: number): Array<{ record: SpoolRecord; from: FinishedFolder }> {
  const out: Array<{ record: SpoolRecord; from: FinishedFolder }> = [];
  const ia = a.newestFirst();
  const ib = b.newestFirst();
  let x = ia.next();
  let y = ib.next();
  while (out.length < n && !(x.done && y.done)) {
    if (!x.done && (y.done || a.time(x.value) >= b.time(y.value))) {
      out.push({ record: x.value, from: a });
      x = ia.next();
    } else if (!y.done) {
      out.push({ record: y.value, from: b });
      y = ib.next();
    }
  }
  return out;
}
