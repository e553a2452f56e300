/**
 * expired/ is bounded like sent/: the newest keepExpired are kept in the order they expired; at open the older files
 * are removed unread, on expiry the oldest beyond the limit goes, and each removal batch logs one ER_8341 line naming
 * how many went, the oldest and the newest. Status takes the newest finished reports by merging sent/ and expired/
 * (both kept in the order finished), never by sorting them. Each fails on the spool before expired/ was bounded.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../../../shared/messages/problem.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { progressOf } from '../../../../service/daemon/progress.js';
import { Spool } from '../../../../service/spool/spool.js';
import { serializeRecord, type SpoolRecord } from '../../../../service/spool/record.js';
import { waitingRecord } from '../../../helpers/spool-records.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { sample } from '../delivery/helpers.js';

const tmp = tempDirs();
const ids = async (dir: string) => new Set((await readdir(dir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
const pruned = (logs: LogEntry[]) => logs.filter((l) => l.code === 'ER_8341');
const limitPassed = (id: string) => problem('ER_2102', { id, kind: 'failure', hours: 72, attempts: 1 });

function expiredRecord(i: number): SpoolRecord {
  const r = waitingRecord(i, Date.UTC(2025, 0, 1));
  const at = new Date(Date.UTC(2025, 3, 1) + i * 1000).toISOString();
  return { ...r, attempts: 1, expired: { at, problem: limitPassed(r.report.id) } };
}

async function opened(dir: string, keepExpired: number) {
  const logs: LogEntry[] = [];
  let t = Date.UTC(2026, 0, 1);
  const spool = await Spool.open(dir, { bootId: null, keepExpired, now: () => new Date((t += 1000)), onEvent: (e) => logs.push(e) });
  return { spool, logs };
}

afterEach(() => vi.restoreAllMocks());

describe('expired/ kept to its newest keepExpired', () => {
  it('at open: reads only the newest, removes the older unread with one coded line', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 'expired'), { recursive: true });
    const written = Array.from({ length: 300 }, (_, i) => expiredRecord(i));
    const t0 = Date.UTC(2025, 3, 1) / 1000;
    written.forEach((r, i) => {
      const path = join(dir, 'expired', `${r.report.id}.json`);
      writeFileSync(path, serializeRecord(r));
      utimesSync(path, t0 + i, t0 + i); // mtime = when it expired, as the spool's own write leaves it
    });
    // an interrupted move: still waiting, and already in one of the old expired/ files that will not be read
    await mkdir(join(dir, 'spool'), { recursive: true });
    const double = { ...waitingRecord(0), report: { ...waitingRecord(0).report, id: written[5]!.report.id } };
    writeFileSync(join(dir, 'spool', `${double.report.id}.json`), serializeRecord(double));
    const { spool, logs } = await opened(dir, 100);
    expect(spool.scans.unreadExpired).toBe(200);
    expect(spool.counts().pending).toBe(0); // expired wins: not sent again
    expect(await ids(join(dir, 'spool'))).toEqual(new Set());
    expect(logs.filter((l) => l.code === 'ER_6052').map((l) => l.reportId)).toEqual([double.report.id]);
    expect(spool.counts().expired).toBe(100);
    const kept = written.slice(-100).map((r) => r.report.id);
    expect(await ids(join(dir, 'expired'))).toEqual(new Set(kept));
    expect(pruned(logs)).toHaveLength(1);
    const line = pruned(logs)[0]!.message.en;
    expect(line).toContain('Removed 200 expired reports');
    expect(line).toContain(`oldest ${written[0]!.report.id}`);
    expect(line).toContain(`newest ${written[199]!.report.id}`);
    expect(line).toContain('newest 100 expired reports are kept');
    expect(pruned(logs)[0]!.message.ja).toContain('200 件');
    // newest first, by when they expired
    expect(spool.newestFinished(3).map((e) => [e.report.id, e.folder])).toEqual(
      kept
        .slice(-3)
        .reverse()
        .map((id) => [id, 'expired']),
    );
  });

  it('on expiry: the oldest beyond the limit goes with a line; a restart keeps the same newest, a smaller limit prunes the rest', async () => {
    const dir = await tmp();
    const { spool, logs } = await opened(dir, 3);
    const reports = [];
    for (let i = 0; i < 5; i++) reports.push(await spool.accept(sample({ event: { source: `s${i}`, id: 1, time: '2024-01-01T10:00:00.000Z', message: 'x' } })));
    // expired newest-created first, so the order expired is not the order created
    const expiredOrder = [...reports].reverse().map((r) => r.id);
    for (const id of expiredOrder) await spool.expire(id, limitPassed(id));
    expect(spool.counts().expired).toBe(3);
    expect(await ids(join(dir, 'expired'))).toEqual(new Set(expiredOrder.slice(-3)));
    expect(pruned(logs).map((l) => l.message.en)).toEqual([
      `Removed 1 expired reports from expired/ (oldest ${expiredOrder[0]}, newest ${expiredOrder[0]}); only the newest 3 expired reports are kept.`,
      `Removed 1 expired reports from expired/ (oldest ${expiredOrder[1]}, newest ${expiredOrder[1]}); only the newest 3 expired reports are kept.`,
    ]);
    expect(spool.get(expiredOrder[0]!)).toBeUndefined();
    expect(spool.recent('s4', 0)).toEqual([]); // the by-source index forgot it too
    const newestFirst = expiredOrder.slice(-3).reverse();
    expect(spool.newestFinished(10).map((e) => e.report.id)).toEqual(newestFirst);

    const again = await opened(dir, 3);
    expect(pruned(again.logs)).toEqual([]);
    expect(again.spool.newestFinished(10).map((e) => e.report.id)).toEqual(newestFirst);

    const smaller = await opened(dir, 2);
    expect(smaller.spool.newestFinished(10).map((e) => e.report.id)).toEqual(newestFirst.slice(0, 2));
    expect(pruned(smaller.logs).map((l) => l.message.en)).toEqual([
      `Removed 1 expired reports from expired/ (oldest ${expiredOrder[2]}, newest ${expiredOrder[2]}); only the newest 2 expired reports are kept.`,
    ]);
    expect(await ids(join(dir, 'expired'))).toEqual(new Set(expiredOrder.slice(-2)));
  });

  it('status lists sent and expired newest finished first, merged without a sort', async () => {
    const dir = await tmp();
    const { spool } = await opened(dir, 1000);
    const r = [];
    for (let i = 0; i < 6; i++) r.push(await spool.accept(sample()));
    // finished in the reverse of the order created, alternating sent/ and expired/
    const finished = [...r].reverse();
    for (const [i, x] of finished.entries()) {
      if (i % 2 === 0) await spool.markSent(x.id, '200 OK', 'https');
      else await spool.expire(x.id, limitPassed(x.id));
    }
    const waiting = await spool.accept(sample());
    const sort = vi.spyOn(Array.prototype, 'sort');
    const listed = progressOf(spool, () => false);
    expect(sort).not.toHaveBeenCalled();
    sort.mockRestore();
    const expected = [waiting.id, ...[...finished].reverse().map((x) => x.id)];
    expect(listed.map((p) => p.id)).toEqual(expected);
    expect(listed.map((p) => p.phase)).toEqual(['waiting', 'expired', 'sent', 'expired', 'sent', 'expired', 'sent']);

    const reopened = await opened(dir, 1000);
    expect(progressOf(reopened.spool, () => false).map((p) => p.id)).toEqual(expected);
  });
});
