/** The route words of the state bar and `express-report status` (shared/host/state-summary.ts routeText). */
import { describe, expect, it } from 'vitest';
import { routeText } from '../../../../shared/host/state-summary.js';

describe('routeText', () => {
  it('says HTTPS via the manager when Express (HTTPS) goes through a manager, whatever the proxy setting', () => {
    for (const proxy of [false, true]) {
      expect(routeText({ 'express.route': 'https', 'https.proxy.use': proxy, 'https.via': 'manager' })).toEqual({
        ja: 'HTTPS(マネージャ経由)',
        en: 'HTTPS via the manager',
      });
    }
  });

  it('HTTPS straight to the center stays direct / via proxy; Express via a manager stays マネージャ経由', () => {
    expect(routeText({ 'express.route': 'https', 'https.proxy.use': false, 'https.via': 'direct' }).ja).toBe('HTTPS(直接)');
    expect(routeText({ 'express.route': 'https', 'https.proxy.use': true, 'https.via': 'direct' }).en).toBe('HTTPS via proxy');
    expect(routeText({ 'express.route': 'manager', 'https.proxy.use': false, 'https.via': 'manager' }).ja).toBe('マネージャ経由');
  });
});
