/**
 * Issue 16: a grown sent/ is pruned at start without being read. Every readFile of node:fs/promises is counted: with
 * 3,000 sent files and keepSent 200, open reads the waiting ones and only the newest sent ones (by mtime), removes
 * the rest unread, and a report left in spool/ and in one of the unread sent/ files is still settled as sent.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Spool } from '../../../../service/spool/spool.js';
import { serializeRecord } from '../../../../service/spool/record.js';
import { sentRecord, waitingRecord } from '../../../helpers/spool-records.js';
import { tempDirs } from '../../../helpers/tmp.js';

const reads = vi.hoisted(() => ({ sent: 0, spool: 0 }));
const counted = (p: unknown) => {
  if (String(p).includes('/sent/')) reads.sent++;
  if (String(p).includes('/spool/')) reads.spool++;
};
// both readFile functions: the spool reads with node:fs's (recover.ts), whichever it uses, every read is counted
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, readFile: (...a: Parameters<typeof real.readFile>) => (counted(a[0]), real.readFile(...a)) };
});
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, readFile: (...a: Parameters<typeof real.readFile>) => (counted(a[0]), real.readFile(...a)) };
});

const tmp = tempDirs();
const SENT = 3000;
const KEEP = 200;

describe('a grown sent/ at start', () => {
  it('reads only the newest keepSent sent files and removes the older ones unread', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 'spool'), { recursive: true });
    await mkdir(join(dir, 'sent'), { recursive: true });
    const sentIds: string[] = [];
    const t0 = Date.UTC(2025, 0, 1) / 1000;
    for (let i = 0; i < SENT; i++) {
      const r = sentRecord(i);
      sentIds.push(r.report.id);
      const path = join(dir, 'sent', `${r.report.id}.json`);
      writeFileSync(path, serializeRecord(r));
      utimesSync(path, t0 + i, t0 + i); // mtime = when it was sent, as the spool's own write leaves it
    }
    const waiting = Array.from({ length: 50 }, (_, i) => waitingRecord(i));
    for (const r of waiting) writeFileSync(join(dir, 'spool', `${r.report.id}.json`), serializeRecord(r));
    // an interrupted move: still waiting, and already in one of the old sent/ files that will not be read
    const double = { ...waiting[0]!, report: { ...waiting[0]!.report, id: sentIds[5]! } };
    writeFileSync(join(dir, 'spool', `${sentIds[5]}.json`), serializeRecord(double));

    reads.sent = 0;
    reads.spool = 0;
    const spool = await Spool.open(dir, { bootId: null, keepSent: KEEP });
    expect(reads.sent).toBe(KEEP);
    expect(reads.spool).toBe(51);
    expect(spool.scans.unreadSent).toBe(SENT - KEEP);
    expect(spool.counts()).toEqual({ pending: 50, sent: KEEP, expired: 0 });
    expect(new Set((await readdir(join(dir, 'sent'))).map((n) => n.slice(0, -5)))).toEqual(new Set(sentIds.slice(-KEEP)));
    expect(spool.get(sentIds[5]!)).toBeUndefined(); // sent wins: its waiting copy is gone, not sent again
    expect((await readdir(join(dir, 'spool'))).filter((n) => n.endsWith('.json'))).toHaveLength(50);
    expect(spool.lastAttempts().ok?.id).toBe(sentIds.at(-1)); // the newest delivery, from the files that were read
  }, 60_000);
});
