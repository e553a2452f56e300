/** The settings line of `express-report status` and the status dialog (shared/host/state-summary.ts configText). */
import { describe, expect, it } from 'vitest';
import { type ServiceStatus } from '../../../../shared/host/service-types.js';
import { problem } from '../../../../shared/messages/problem.js';
import { configText } from '../../../../shared/host/state-summary.js';

const base: ServiceStatus = { state: 'active', pending: 0, expired: 0, pid: 1, startedAt: '2026-01-01T00:00:00.000Z' };
const local = (h: number, m: number) => {
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};

describe('configText', () => {
  it('says which settings run, and how many errors a refused last change has', () => {
    const since = local(9, 30);
    expect(configText(base)).toBeUndefined();
    expect(configText({ ...base, config: { since, hash: 'h', lastReload: { at: since, ok: true, problems: [] } } })).toEqual({
      error: false,
      text: { ja: '09:30 の設定で動作中です', en: 'the service runs on the settings of 09:30' },
    });
    const refused = { at: local(9, 45), ok: false, problems: [problem('ER_1040', { reason: 'x' })], count: 2 };
    expect(configText({ ...base, config: { since, hash: 'h', lastReload: refused } })?.text.en).toBe(
      'the service runs on the settings of 09:30; your last change has 2 errors and was not applied',
    );
    expect(configText({ ...base, config: { lastReload: refused } })).toMatchObject({ error: true });
  });
});
