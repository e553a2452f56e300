/**
 * A route that was not tried (express.route = off: the service's "off" route answers with a reason of its own) expires
 * the report at once with that reason, logged once, instead of ER_2104 "refused by" or a retry for the limit.
 */
import { describe, expect, it } from 'vitest';
import { problem } from '../../../../shared/messages/problem.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { DeliveryLoop } from '../../../../service/delivery/loop.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { Spool } from '../../../../service/spool/spool.js';
import { type Outcome, type Route } from '../../../../service/routes/route.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { FakeClock, policy, sample } from './helpers.js';

const tmp = tempDirs();

describe('DeliveryLoop and a route that gives its own reason', () => {
  it('expires at once with that reason, logs it once, and never tries again', async () => {
    const clock = new FakeClock(new Date(2024, 0, 1, 10).getTime());
    const logs: LogEntry[] = [];
    const spool = await Spool.open(await tmp(), { now: clock.now, mono: clock.mono });
    let sends = 0;
    const off: Route = {
      name: 'off',
      send: async (r): Promise<Outcome> => {
        sends++;
        const reason = problem('ER_2107', { id: r.id, kind: r.kind });
        return { ok: false, retry: false, problem: reason, reason };
      },
    };
    const loop = new DeliveryLoop({
      spool,
      clock,
      onEvent: (e) => logs.push(e),
      routeFor: () => off,
      policy: () => policy(),
      state: () => 'active',
      context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
    });
    const r = await spool.accept(sample());
    await loop.wake();
    expect(spool.get(r.id)).toMatchObject({ folder: 'expired', expired: { problem: { code: 'ER_2107' } }, lastError: { code: 'ER_2107' } });
    expect(logs.map((l) => l.code).filter((c) => c.startsWith('ER_21'))).toEqual(['ER_2107']);
    expect(clock.setTimerCalls).toBe(0); // nothing left to wake for
    clock.advanceTo(clock.now().getTime() + 80 * 3_600_000);
    await loop.wake();
    expect(sends).toBe(1);
    await loop.stop();
  });
});
