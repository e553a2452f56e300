/**
 * Changes of one report run one at a time, in the order asked, so a fold and a recorded failure never overwrite each
 * other; changes of different reports go on side by side.
 */
export class Lanes {
  /** Per report: the tail of its changes. */
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const tail = this.tails.get(id);
    const run = tail ? tail.then(fn, fn) : fn();
    const settled = run.catch(() => undefined);
    this.tails.set(id, settled);
    void settled.then(() => {
      if (this.tails.get(id) === settled) this.tails.delete(id);
    });
    return run;
  }
}
