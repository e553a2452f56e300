/**
 * Issue 16: a spool that has grown (2,000 waiting, 2,000 sent) opens whole, and delivering from it reads no folder:
 * every readdir of node:fs/promises is counted while the loop delivers.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../../shared/settings/schema.js';
import { DeliveryLoop } from '../../../../service/delivery/loop.js';
import { Spool } from '../../../../service/spool/spool.js';
import { fillSpool } from '../../../helpers/spool-records.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { FakeRoute, policy } from '../delivery/helpers.js';

const readdirCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, readdir: (...a: Parameters<typeof real.readdir>) => (readdirCalls.n++, real.readdir(...a)) };
});

const tmp = tempDirs();

describe('a grown spool', () => {
  it('opens 2,000 waiting and 2,000 sent reports, keeps the newest sent, and delivers oldest first without reading a folder', async () => {
    const dir = await tmp();
    const ids = await fillSpool(dir, { pending: 2000, sent: 2000 });
    const spool = await Spool.open(dir, { bootId: null, keepSent: 1500 });
    expect(spool.counts()).toEqual({ pending: 2000, sent: 1500, expired: 0 });
    expect((await readdir(`${dir}/sent`)).filter((n) => n.endsWith('.json'))).toHaveLength(1500);
    expect(spool.pending().map((r) => r.report.id)).toEqual(ids);
    expect(spool.list('sent')[0]!.report.createdAt).toBe(new Date(Date.UTC(2025, 0, 1) + 500_000).toISOString()); // the oldest 500 went

    const route = new FakeRoute();
    let left = 30;
    const loop = new DeliveryLoop({
      spool,
      routeFor: () => route,
      policy: () => policy(),
      state: () => 'active',
      // stop after about 30 deliveries: held() is read at each pass and before each report looked at
      held: () => left-- <= 0,
      context: () => ({ config: { settings: defaultSettings(), optionDevices: [], inf: {} }, openSecret: (s) => s }),
    });
    expect(readdirCalls.n).toBeGreaterThanOrEqual(3); // the count sees the spool's own reads (open)
    const before = readdirCalls.n;
    await loop.wake();
    await loop.stop();
    expect(readdirCalls.n - before).toBe(0);
    expect(route.seen.length).toBeGreaterThanOrEqual(10);
    expect(route.seen.map((r) => r.id)).toEqual(ids.slice(0, route.seen.length));
    expect(spool.counts().pending).toBe(2000 - route.seen.length);
    expect(spool.counts().sent).toBe(1500); // pruned as it goes, from the oldest
    expect(spool.scans.readdir).toBe(3); // open() read each folder once
  }, 60_000);

  it('a report accepted meanwhile takes its place by creation time', async () => {
    const dir = await tmp();
    const ids = await fillSpool(dir, { pending: 20, sent: 0 });
    const spool = await Spool.open(dir, { bootId: null });
    const walk = spool.walkPending();
    expect(walk.next().value?.report.id).toBe(ids[0]);
    const older = await spool.accept({ ...spool.pending()[0]!.report, id: undefined, createdAt: '2025-06-01T00:00:00.000Z' });
    const newer = await spool.accept({ ...spool.pending()[0]!.report, id: undefined, createdAt: undefined });
    await spool.markSent(ids[1]!, 'ok');
    const rest = [...walk].map((r) => r.report.id);
    expect(rest).toEqual([...ids.slice(2), newer.id]); // after the last one given: the older newcomer sorts before it
    expect(spool.pending().map((r) => r.report.id)).toEqual([older.id, ids[0], ...ids.slice(2), newer.id]);
  });
});
