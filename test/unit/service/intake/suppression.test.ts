import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ReportEvent } from '../../../../shared/report/model.js';
import { Suppressor, type EventSeverity, type SuppressionSettings } from '../../../../service/intake/suppression.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { Spool } from '../../../../service/spool/spool.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { MIN, sample } from '../delivery/helpers.js';

const tmp = tempDirs();
const severities: Record<string, EventSeverity> = { 'disk/1': 'information', 'disk/2': 'warning', 'disk/3': 'error', 'net/3': 'error' };
const ev = (source: string, id: number): ReportEvent => ({ source, id, time: '2024-01-01T10:00:00Z', message: `${source} ${id}` });

async function setup(settings: SuppressionSettings = { use: true, windowMinutes: 60 }) {
  const dir = await tmp();
  let t = Date.UTC(2024, 0, 1, 10);
  const now = () => new Date(t);
  const logs: LogEntry[] = [];
  const spool = await Spool.open(dir, { now });
  const s = new Suppressor({
    spool,
    now,
    settings: () => settings,
    onEvent: (e) => logs.push(e),
    severityOf: (source, id) => severities[`${source}/${id}`],
  });
  const intake = (source: string, id: number) => s.intake(ev(source, id), (event) => sample({ event }));
  return { dir, spool, intake, logs, codes: () => logs.map((l) => l.code), later: (ms: number) => (t += ms) };
}

describe('Suppressor', () => {
  it('folds identical events into the waiting report (its count, on disk) and keeps its id', async () => {
    const { dir, spool, intake, codes } = await setup();
    const first = await intake('disk', 3);
    expect(first).toMatchObject({ action: 'reported', escalated: false });
    const second = await intake('disk', 3);
    const third = await intake('disk', 3);
    expect(third).toMatchObject({ action: 'folded', report: { count: 3 } });
    if (first.action !== 'reported' || second.action !== 'folded') throw new Error('unexpected');
    expect(second.report.id).toBe(first.report.id);
    expect(spool.counts().pending).toBe(1);
    const onDisk = JSON.parse(await readFile(join(dir, 'spool', `${first.report.id}.json`), 'utf8')) as { report: { count: number } };
    expect(onDisk.report.count).toBe(3);
    expect(codes()).toEqual(['ER_6053', 'ER_6053']);
  });

  it('once the report is sent (or being sent), a repeat in the window is only counted in the log', async () => {
    const { spool, intake, logs, later } = await setup();
    const first = await intake('disk', 3);
    if (first.action !== 'reported') throw new Error('unexpected');
    spool.claim(first.report.id);
    expect(await intake('disk', 3)).toMatchObject({ action: 'suppressed', suppressed: 1 });
    spool.release(first.report.id);
    await spool.markSent(first.report.id, '200');
    later(30 * MIN);
    expect(await intake('disk', 3)).toMatchObject({ action: 'suppressed', reportId: first.report.id, suppressed: 2 });
    expect(logs.at(-1)).toMatchObject({ code: 'ER_6054', level: 'information' });
    expect(logs.at(-1)?.message.en).toContain('2 time(s)');
    later(31 * MIN); // the window (fixed from the first report) is over: a new report, carrying nothing extra
    expect(await intake('disk', 3)).toMatchObject({ action: 'reported', report: { count: 1 } });
  });

  it('a more severe event from the same source goes out at once as its own report', async () => {
    const { spool, intake, codes } = await setup();
    await intake('disk', 1);
    expect(await intake('disk', 2)).toMatchObject({ action: 'reported', escalated: true });
    expect(await intake('disk', 3)).toMatchObject({ action: 'reported', escalated: true });
    expect(await intake('disk', 1)).toMatchObject({ action: 'folded' });
    expect(await intake('net', 3)).toMatchObject({ action: 'reported', escalated: false });
    expect(codes().filter((c) => c === 'ER_6055')).toHaveLength(2);
    expect(spool.counts().pending).toBe(4);
  });

  it('suppression.use=false: every event is its own report', async () => {
    const { spool, intake } = await setup({ use: false, windowMinutes: 60 });
    await intake('disk', 3);
    await intake('disk', 3);
    expect(spool.pending().map((r) => r.report.count)).toEqual([1, 1]);
  });

  it('handles events arriving together one at a time (no duplicate report)', async () => {
    const { spool, intake } = await setup();
    await Promise.all([intake('disk', 3), intake('disk', 3), intake('disk', 3)]);
    expect(spool.pending().map((r) => r.report.count)).toEqual([3]);
  });
});
