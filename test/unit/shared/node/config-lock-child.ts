/**
 * One taker of config-lock.test.ts, as its own process: `node --import tsx config-lock-child.ts DIR LOG`.
 * Prints `ready`, waits for a line on stdin (so every taker starts at once), takes the config folder's lock, appends
 * `in PID` and `out PID` to LOG around a short hold, releases it and exits.
 */
import { appendFileSync } from 'node:fs';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireConfigLock } from '../../../../shared/node/config-lock.js';

const [dir, log] = process.argv.slice(2);
if (!dir || !log) throw new Error('usage: DIR LOG');
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const lock = await acquireConfigLock(dir, { timeoutMs: 60_000 });
appendFileSync(log, `in ${process.pid}\n`);
await sleep(5);
appendFileSync(log, `out ${process.pid}\n`);
await lock.release();
process.exit(0);
