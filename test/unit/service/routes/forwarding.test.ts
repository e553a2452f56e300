/** Which route forwards a relayed report, and how long an immediate forwarding may take (service/routes/forwarding.ts). */
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../shared/settings/schema.js';
import { buildForwardingRoutes, FORWARD_NOW_MAX_MS, forwardBudgetMs, forwardingRouteName } from '../../../../service/routes/forwarding.js';
import { HttpsRoute } from '../../../../service/routes/https/route.js';
import { type LazyRoute } from '../../../../service/routes/registry.js';

const settings = (over: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...over }) as Settings;

describe('forwarding routes', () => {
  it('31136 goes by relay.express.forward, 31138 by HTTPS, whatever express.route and https.via say', () => {
    expect(forwardingRouteName('express', settings({ 'relay.express.forward': 'mail', 'express.route': 'dialup' }))).toBe('mail');
    expect(forwardingRouteName('express', settings({ 'relay.express.forward': 'dialup', 'express.route': 'mail' }))).toBe('dialup');
    expect(forwardingRouteName('https', settings({ 'express.route': 'manager', 'https.via': 'manager' }))).toBe('https');
  });

  it('HTTPS forwarding is the direct route (never through another manager), loaded on first use; dial-up takes batches', async () => {
    const routes = buildForwardingRoutes();
    expect(await (routes.https as LazyRoute).route()).toBeInstanceOf(HttpsRoute);
    expect(routes.dialup.sendBatch).toBeTypeOf('function');
    expect(routes.dialup.maxBatch).toBe(10);
    expect(routes.mail.sendBatch).toBeUndefined();
  });

  it("an immediate forwarding takes the route's own budget, never more than the agent waits (600 s) less a margin", () => {
    const c = (over: Partial<Settings>) => ({ settings: settings(over), optionDevices: [], inf: {} });
    expect(forwardBudgetMs('https', c({ 'https.timeoutSeconds': 60, 'https.via': 'manager' }))).toBe(130_000);
    expect(forwardBudgetMs('https', c({ 'https.timeoutSeconds': 3600 }))).toBe(FORWARD_NOW_MAX_MS);
    expect(forwardBudgetMs('dialup', c({}))).toBeLessThanOrEqual(FORWARD_NOW_MAX_MS);
  });
});
