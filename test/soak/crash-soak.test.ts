/**
 * The crash soak, bounded for CI (test/helpers/crash-soak.ts): 12 s of events through the local API, the drop folder
 * and a syslog file while the service is killed -9 twice and restarted and the center answers 503, then resets
 * connections. Every accepted event reaches the center; a repeat only from a kill (at most one per kill); nothing
 * expires. The service's clocks are moved ahead (libfaketime) so a refused report is retried in seconds, not after
 * the shortest retry interval (a minute); `npm run soak` runs in real time. CRASH_SOAK_SEED=<seed> repeats a run's moments; longer runs: `npm run soak -- --minutes N`.
 */
import { describe, expect, it } from 'vitest';
import { runCrashSoak } from '../helpers/crash-soak.js';

const SEED = Number(process.env.CRASH_SOAK_SEED ?? Date.now() % 2 ** 31);

describe('crash soak: every intake at once, kill -9 and a failing center', () => {
  it('delivers every accepted event; repeats at most one per kill; nothing lost or expired', async () => {
    const f = await runCrashSoak({ ms: 12_000, seed: SEED, kills: 2, drainLimitMs: 60_000, fastRetry: true, say: (l) => console.log(l) });
    expect(f.kills).toBe(2);
    expect(f.accepted.api).toBeGreaterThan(0);
    expect(f.accepted.drop).toBeGreaterThan(0);
    expect(f.lost).toEqual([]);
    expect(f.expired).toBe(0);
    expect(f.repeatedIds + f.repeatedEvents).toBeLessThanOrEqual(f.kills);
    // The center really failed during the run, both ways.
    expect(f.refused).toBeGreaterThan(0);
    expect(f.reset).toBeGreaterThan(0);
  }, 150_000);
});
