import { describe, expect, it } from 'vitest';
import { namesLogs, relayedReport } from '../../../../shared/report/relayed.js';

const good = {
  id: '11111111-2222-4333-8444-555555555555',
  kind: 'failure',
  createdAt: '2026-01-02T03:04:05.000Z',
  machine: { serverName: 'S1', deviceCode: 'N8100-2810', serialNumber: '1', userSystemCode: 'U1' },
  event: { source: 'atapi', id: 0xc0040006, time: '2026-01-02T03:04:00.000Z', message: 'disk' },
  count: 1,
};

describe('relayedReport', () => {
  it('keeps a report and drops logs and unknown fields (the manager never reads the agent paths)', () => {
    const r = relayedReport({ ...good, logs: { paths: ['/etc/shadow'], maxBytes: 0 }, extra: 'x' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toEqual(good);
    expect('logs' in r.report).toBe(false);
  });

  it('refuses what is not a report, naming the first issue', () => {
    const bad = (x: unknown): string => {
      const r = relayedReport(x);
      return r.ok ? 'ok' : r.reason;
    };
    expect(bad({ ...good, id: '../../etc/passwd' })).toMatch(/^id:/);
    expect(bad({ ...good, kind: 'other' })).toMatch(/^kind:/);
    expect(bad({ ...good, machine: { ...good.machine, serialNumber: 'x'.repeat(65) } })).toMatch(/^machine\.serialNumber:/);
    expect(bad({ ...good, machine: undefined })).toMatch(/^machine:/);
    expect(bad({ ...good, count: 0 })).toMatch(/^count:/);
    expect(bad('a string')).toMatch(/^\(header\):/);
    expect(bad(null)).toMatch(/^\(header\):/);
  });

  it('namesLogs: a header with a logs field of any value (the receiver refuses it, ER_2352); none without', () => {
    expect(namesLogs({ ...good, logs: { paths: ['/etc/shadow'], maxBytes: 0 } })).toBe(true);
    expect(namesLogs({ ...good, logs: null })).toBe(true);
    expect(namesLogs({ ...good, logs: undefined })).toBe(true);
    expect(namesLogs(good)).toBe(false);
    expect(namesLogs(JSON.parse('{"__proto__":{"logs":1}}'))).toBe(false);
    expect(namesLogs(null)).toBe(false);
    expect(namesLogs('logs')).toBe(false);
  });
});
