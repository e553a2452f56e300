/** The dial-up route is live wherever routes are made (the delivery loop and immediate notifications). */
import { describe, expect, it } from 'vitest';
import { budgetMs, buildRoutes, LazyRoute } from '../../../../service/routes/registry.js';
import { ModemRoute } from '../../../../service/routes/modem/route.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';

describe('route registry: dialup', () => {
  it('makes a ModemRoute (loaded on first use), and its time budget covers both calls and the pause between them', async () => {
    const route = buildRoutes().dialup;
    expect(route).toBeInstanceOf(LazyRoute);
    expect(await (route as LazyRoute).route()).toBeInstanceOf(ModemRoute);
    expect(route?.name).toBe('dialup');
    const config = (interval: number) => ({
      settings: { ...defaultSettings(), 'express.route': 'dialup' as const, 'dialup.intervalSeconds': interval },
      optionDevices: [],
      inf: {},
    });
    expect(budgetMs(config(600)) - budgetMs(config(0))).toBe(600_000);
    expect(budgetMs(config(0))).toBeGreaterThan(2 * 120_000); // two calls of 60 s to CONNECT and 60 s to the ACK
  });
});
