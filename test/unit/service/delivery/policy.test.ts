import { describe, expect, it } from 'vitest';
import { type ReportKind } from '../../../../shared/report/model.js';
import { weekFromSettings } from '../../../../shared/schedule/window.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { decide, maySend, policySources, type ActivationState, type Decision } from '../../../../service/delivery/policy.js';
import { type SpoolRecord } from '../../../../service/spool/record.js';
import { HOUR, MIN, policy } from './helpers.js';

const T0 = new Date(2024, 0, 1, 10).getTime(); // Monday 10:00 local
const rec = (o: { nextAt?: number; attempts?: number; kind?: ReportKind; collecting?: boolean } = {}): SpoolRecord => ({
  report: {
    id: '8c1f3e2a-1b2c-4d5e-8f90-123456789abc',
    kind: o.kind ?? 'failure',
    createdAt: new Date(T0).toISOString(),
    count: 1,
    machine: { serverName: 's', deviceCode: 'd', serialNumber: 'n', userSystemCode: '1234567' },
  },
  attempts: o.attempts ?? 0,
  nextAttemptAt: new Date(o.nextAt ?? T0).toISOString(),
  history: [],
  ...(o.collecting ? { collecting: { since: new Date(T0).toISOString() } } : {}),
});
const noon = weekFromSettings(Array<string>(7).fill('12:00-13:00'));
const shape = (d: Decision) => (d.kind === 'expire' ? `expire ${d.problem.code}` : d.kind === 'wait' ? `wait +${(d.at.getTime() - T0) / MIN}m` : 'send');

describe('maySend', () => {
  it.each<[ActivationState, string]>([
    ['active', 'failure test activation heartbeat'],
    ['configured', 'test activation'],
    ['tested', 'test activation'],
    ['paused', ''],
    ['ended', ''],
    ['not-activated', ''],
  ])('%s: %s', (state, kinds) => {
    const all: ReportKind[] = ['failure', 'test', 'activation', 'heartbeat'];
    expect(all.filter((k) => maySend(k, state)).join(' ')).toBe(kinds);
  });
});

describe('decide', () => {
  it.each<[string, SpoolRecord, number, ReturnType<typeof policy>, ActivationState, string]>([
    ['due and open: send', rec(), T0, policy(), 'active', 'send'],
    ['not due yet: wait for it', rec({ nextAt: T0 + 5 * MIN }), T0, policy(), 'active', 'wait +5m'],
    ['window closed: wait for it to open', rec(), T0, policy({ week: noon }), 'active', 'wait +120m'],
    ['due before the limit, the service was down past it: one last attempt', rec({ nextAt: T0 + 71 * HOUR }), T0 + 80 * HOUR, policy(), 'active', 'send'],
    ['window never opens: expire', rec(), T0, policy({ week: weekFromSettings(Array<string>(7).fill('none')) }), 'active', 'expire ER_2103'],
    ['window opens only after the limit: expire', rec(), T0, policy({ week: noon, limitHours: 1 }), 'active', 'expire ER_2103'],
    ['limit shortened below the next attempt: expire', rec({ nextAt: T0 + 2 * HOUR }), T0, policy({ limitHours: 1 }), 'active', 'expire ER_2102'],
    ['held by the state: wait until the limit', rec(), T0, policy(), 'paused', 'wait +4320m'],
    ['logs still being collected: held (until the limit at most)', rec({ collecting: true }), T0, policy(), 'active', 'wait +4320m'],
    ['still collecting at the limit: expire', rec({ collecting: true }), T0 + 72 * HOUR, policy(), 'active', 'expire ER_2102'],
    ['held by the state past the limit: expire', rec(), T0 + 72 * HOUR, policy(), 'ended', 'expire ER_2102'],
  ])('%s', (_name, r, now, p, state, expected) => {
    expect(shape(decide(r, { age: now - T0, now: new Date(now) }, p, state))).toBe(expected);
  });
});

describe('policySources', () => {
  it('reads the retry policy, the state and the route context from the current config', () => {
    const settings = { ...defaultSettings(), 'schedule.retry.intervalMinutes': 7, 'schedule.window.sun': 'none', 'activation.state': 'tested' as const };
    const config = { settings, optionDevices: [], inf: {} };
    const s = policySources(
      () => config,
      (x) => `open:${x}`,
    );
    expect(s.policy()).toMatchObject({ intervalMinutes: 7, limitHours: 72 });
    expect(s.policy().week).toEqual([null, ...Array<unknown>(6).fill({ start: 0, end: 1440 })]);
    expect(s.state()).toBe('tested');
    expect(s.context().openSecret('x')).toBe('open:x');
  });
});
