/**
 * `npm run soak -- --minutes N [--seed S] [--keep]`: the crash soak of test/soak/crash-soak.test.ts for N minutes
 * (docs/reliability.md "Soak and load"). Prints the figures; exits 1 when an accepted event was lost, expired, or
 * repeated more than once per kill.
 */
import { parseArgs } from 'node:util';
import { runCrashSoak } from '../test/helpers/crash-soak.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '5' }, seed: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error('--minutes must be a positive number');
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const f = await runCrashSoak({ ms: minutes * 60_000, seed, keep: values.keep, drainLimitMs: 300_000, say: (l) => console.log(l) });
console.log(JSON.stringify({ ...f, lost: f.lost.length }));
const bad = f.lost.length > 0 || f.expired > 0 || f.repeatedIds + f.repeatedEvents > f.kills;
process.exit(bad ? 1 : 0);
