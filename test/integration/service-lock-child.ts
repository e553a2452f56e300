/**
 * One contender of service-lock.test.ts, run as its own process (a lock is between processes):
 *   node --import tsx service-lock-child.ts STATE_DIR BARRIER_DIR NAME ROUNDS     contends once per round
 *   node --import tsx service-lock-child.ts STATE_DIR hold                         takes the lock and waits (for kill -9)
 * Per round R it writes BARRIER_DIR/ready-R-NAME, waits for BARRIER_DIR/go-R (all contenders leave that wait within about
 * a millisecond of each other), calls acquireLock and writes BARRIER_DIR/result-R-NAME: `won` or the refusal's code. A
 * winner keeps its lock (never releases it): the test clears the state folder between rounds. It never exits by itself.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '../../service/common/lock.js';

const [stateDir, barrier, name, rounds] = process.argv.slice(2);
if (!stateDir || !barrier) throw new Error('usage: STATE_DIR BARRIER_DIR NAME ROUNDS | STATE_DIR hold');

if (barrier === 'hold') {
  await acquireLock(stateDir);
  process.stdout.write('held\n');
  setInterval(() => undefined, 60_000); // until killed
} else {
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (let r = 0; r < Number(rounds); r++) {
    writeFileSync(join(barrier, `ready-${r}-${name}`), '');
    while (!existsSync(join(barrier, `go-${r}`))) Atomics.wait(tick, 0, 0, 1); // a 1 ms sleep that keeps the thread
    let result: string;
    try {
      await acquireLock(stateDir);
      result = 'won';
    } catch (e) {
      result = (e as { code?: string }).code ?? String(e);
    }
    writeFileSync(join(barrier, `partial-${r}-${name}`), result);
    renameSync(join(barrier, `partial-${r}-${name}`), join(barrier, `result-${r}-${name}`)); // never seen half-written
  }
  // Alive until the test kills it: a winner that exited would make its lock stale, and a slower contender of the same
  // round would then rightly take it over, which would look like a second winner.
  setInterval(() => undefined, 60_000);
}
