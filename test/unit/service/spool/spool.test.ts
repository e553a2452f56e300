import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { problem } from '../../../../shared/messages/problem.js';
import { Spool } from '../../../../service/spool/spool.js';
import { type LogEntry } from '../../../../service/common/log-entry.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { sample } from '../delivery/helpers.js';

// Records when each group commit's folder fsync finishes (after the files' own), to prove accept() resolves only after that.
const order = vi.hoisted(() => [] as string[]);
vi.mock('../../../../service/spool/group-write.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../service/spool/group-write.js')>();
  return {
    ...real,
    realWriteFs: {
      ...real.realWriteFs,
      syncDir: async (dir: string) => {
        await real.realWriteFs.syncDir(dir);
        order.push(`synced ${dir}`);
      },
    },
  };
});

const tmp = tempDirs();

async function fresh(opts: { keepSent?: number; historyLimit?: number } = {}) {
  const dir = await tmp();
  const logs: LogEntry[] = [];
  let t = Date.UTC(2024, 0, 1, 10);
  const now = () => new Date((t += 1000));
  const open = () => Spool.open(dir, { ...opts, now, onEvent: (e) => logs.push(e) });
  return { dir, logs, open, spool: await open() };
}

const jsonFiles = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();

describe('Spool.accept', () => {
  it('resolves only after the file is written and flushed, and the file parses', async () => {
    const { dir, spool } = await fresh();
    order.length = 0;
    let seenByListener: unknown;
    spool.onAccepted((r) => {
      seenByListener = JSON.parse(readFileSync(join(dir, 'spool', `${r.id}.json`), 'utf8'));
    });
    const report = await spool.accept(sample()).then((r) => {
      order.push('resolved');
      return r;
    });
    const path = join(dir, 'spool', `${report.id}.json`);
    expect(order).toEqual([`synced ${join(dir, 'spool')}`, 'resolved']);
    expect(report.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.count).toBe(1);
    const onDisk = JSON.parse(await readFile(path, 'utf8')) as { report: unknown; attempts: number };
    expect(onDisk.report).toEqual(report);
    expect(onDisk.attempts).toBe(0);
    expect(seenByListener).toEqual(onDisk);
  });

  it('keeps a given UUID, accepts it only once, and refuses an id that is not a UUID', async () => {
    const { spool } = await fresh();
    const id = '8c1f3e2a-1b2c-4d5e-8f90-123456789abc';
    const a = await spool.accept(sample({ id }));
    const b = await spool.accept(sample({ id, count: 5 }));
    expect(a.id).toBe(id);
    expect(b).toEqual(a);
    expect(spool.counts()).toEqual({ pending: 1, sent: 0, expired: 0 });
    await expect(spool.accept(sample({ id: '../../etc/passwd' }))).rejects.toThrow(/not a UUID/);
  });
});

describe('Spool after a restart', () => {
  it('a new Spool over the same folder resumes the waiting reports with their attempts', async () => {
    const { open, spool } = await fresh();
    const a = await spool.accept(sample());
    const b = await spool.accept(sample());
    const next = new Date(Date.UTC(2024, 0, 1, 10, 5));
    await spool.recordFailure(a.id, problem('ER_2100', { id: a.id }), next);
    const again = await open();
    expect(again.pending().map((r) => r.report.id)).toEqual([a.id, b.id]);
    const ra = again.get(a.id)!;
    expect(ra).toMatchObject({ folder: 'pending', attempts: 1, nextAttemptAt: next.toISOString(), lastError: { code: 'ER_2100' } });
    expect(ra.history).toHaveLength(1);
    expect(again.due(new Date(Date.UTC(2024, 0, 1, 10, 1))).map((r) => r.report.id)).toEqual([b.id]);
    expect(again.nextDueTime()?.getTime()).toBe(Date.parse(b.createdAt));
  });

  it.each([
    ['sent', 'spool', 'sent'],
    ['expired', 'spool', 'expired'],
    ['sent', 'expired', 'sent'],
  ])('a report in both %s/ and %s/ (an interrupted move) is kept in %s/ only', async (a, b, kept) => {
    const { dir, logs, open, spool } = await fresh();
    const r = await spool.accept(sample());
    const name = `${r.id}.json`;
    const src = join(dir, 'spool', name);
    if (a !== 'spool') await copyFile(src, join(dir, a, name));
    if (b !== 'spool') await copyFile(src, join(dir, b, name));
    const again = await open();
    for (const folder of ['spool', 'sent', 'expired']) {
      expect(await jsonFiles(join(dir, folder)), folder).toEqual(folder === kept ? [name] : []);
    }
    expect(again.get(r.id)?.folder).toBe(kept);
    expect(logs.map((l) => l.code)).toContain('ER_6052');
  });

  it('sets corrupt or half-written files aside in spool/corrupt/ with a coded log line, and removes stray temp files', async () => {
    const { dir, logs, open, spool } = await fresh();
    const good = await spool.accept(sample());
    const half = '11111111-2222-4333-8444-555555555555.json';
    const content = await readFile(join(dir, 'spool', `${good.id}.json`), 'utf8');
    await writeFile(join(dir, 'spool', half), content.slice(0, 40));
    await writeFile(join(dir, 'sent', 'not-a-record.json'), '{"hello": 1}');
    await writeFile(join(dir, 'spool', '22222222-2222-4333-8444-555555555555.json'), content); // id does not match the name
    await writeFile(join(dir, 'spool', `.${good.id}.json.123.abcdef.tmp`), 'partial');
    const again = await open();
    expect(again.pending().map((r) => r.report.id)).toEqual([good.id]);
    expect(await readdir(join(dir, 'spool', 'corrupt'))).toHaveLength(3);
    expect(await jsonFiles(join(dir, 'spool'))).toEqual([`${good.id}.json`]);
    expect((await readdir(join(dir, 'spool'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(logs.filter((l) => l.code === 'ER_1050')).toHaveLength(3);
    expect(logs.find((l) => l.code === 'ER_1050')?.level).toBe('error');
  });
});

describe('Spool moves', () => {
  it('an expired report moves to expired/ with its reason and is listed, never deleted', async () => {
    const { dir, spool } = await fresh();
    const a = await spool.accept(sample());
    const b = await spool.accept(sample());
    const reason = problem('ER_2102', { id: a.id, kind: 'failure', hours: 72, attempts: 1 });
    await spool.recordFailure(a.id, problem('ER_2100', { id: a.id }), 'expired', { reason });
    await spool.expire(b.id, problem('ER_2103', { id: b.id, kind: 'failure', limit: 'x' }));
    expect(await jsonFiles(join(dir, 'spool'))).toEqual([]);
    expect(await jsonFiles(join(dir, 'expired'))).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    expect(spool.counts()).toEqual({ pending: 0, sent: 0, expired: 2 });
    const listed = spool.list('expired');
    expect(listed.find((e) => e.report.id === a.id)).toMatchObject({ attempts: 1, lastError: { code: 'ER_2100' }, expired: { problem: { code: 'ER_2102' } } });
    expect(listed.find((e) => e.report.id === b.id)).toMatchObject({ attempts: 0, expired: { problem: { code: 'ER_2103' } } });
  });

  it('keeps only the newest sent reports, and never prunes waiting or expired ones', async () => {
    const { dir, spool } = await fresh({ keepSent: 3 });
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await spool.accept(sample())).id);
    await spool.expire(ids[0]!, problem('ER_2100', { id: ids[0]! }));
    for (const id of ids.slice(1, 5)) await spool.markSent(id, '200 OK', 'https');
    expect(await jsonFiles(join(dir, 'sent'))).toEqual(
      ids
        .slice(2, 5)
        .map((id) => `${id}.json`)
        .sort(),
    );
    expect(spool.counts()).toEqual({ pending: 1, sent: 3, expired: 1 });
    expect(spool.get(ids[4]!)).toMatchObject({ folder: 'sent', attempts: 1, history: [{ ok: true, detail: '200 OK', route: 'https' }] });
  });

  it('keeps the history bounded while counting every attempt', async () => {
    const { spool } = await fresh({ historyLimit: 3 });
    const r = await spool.accept(sample());
    for (let i = 0; i < 5; i++) await spool.recordFailure(r.id, problem('ER_2100', { id: r.id }), new Date(Date.UTC(2024, 1, 1)));
    expect(spool.get(r.id)).toMatchObject({ attempts: 5 });
    expect(spool.get(r.id)!.history).toHaveLength(3);
  });

  it('refuses to rewrite a report while it is being sent', async () => {
    const { spool } = await fresh();
    const r = await spool.accept(sample());
    expect(spool.claim(r.id)).toBeDefined();
    expect(spool.claim(r.id)).toBeUndefined();
    expect(await spool.update(r.id, (x) => ({ ...x, count: 2 }))).toBeUndefined();
    spool.release(r.id);
    expect(await spool.update(r.id, (x) => ({ ...x, count: 2, id: 'other' }))).toMatchObject({ id: r.id, count: 2 });
  });
});

describe('Spool and relayed reports', () => {
  const via = { port: 'express' as const, from: '192.0.2.7', receivedAt: '2024-01-01T10:00:00.000Z', payloadBytes: 1234 };
  const AGENT_ID = '6f1c1a52-8d4e-4e0a-9a57-1d1b1f1e1a11';

  it('keeps how a relayed report came on its record, across a restart', async () => {
    const { open, spool } = await fresh();
    const r = await spool.accept(sample({ id: AGENT_ID, createdAt: '2023-12-31T00:00:00.000Z' }), { relay: via });
    expect(r).toMatchObject({ id: AGENT_ID, createdAt: '2023-12-31T00:00:00.000Z' });
    expect(spool.get(AGENT_ID)?.relay).toEqual(via);
    const again = await open();
    expect(again.get(AGENT_ID)?.relay).toEqual(via);
    expect((await spool.accept(sample())).id).not.toBe(AGENT_ID);
    expect(again.pending().filter((x) => x.relay)).toHaveLength(1);
  });

  it('sets a record aside whose relay field does not parse (its forwarding route could not be told)', async () => {
    const { dir, logs, open, spool } = await fresh();
    const r = await spool.accept(sample({ id: AGENT_ID }), { relay: via });
    const path = join(dir, 'spool', `${r.id}.json`);
    const rec = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...rec, relay: { ...via, port: 'modem' } }));
    const again = await open();
    expect(again.get(r.id)).toBeUndefined();
    expect(logs.filter((l) => l.code === 'ER_1050')).toHaveLength(1);
  });

  it('tells who listens once a report has moved to sent/ or expired/, with its record', async () => {
    const { spool } = await fresh();
    const settled: Array<[string, string, unknown]> = [];
    spool.onSettled((rec, folder) => settled.push([rec.report.id, folder, rec.relay]));
    const a = await spool.accept(sample({ id: AGENT_ID }), { relay: via });
    const b = await spool.accept(sample());
    await spool.markSent(a.id, 'ok');
    await spool.expire(b.id, problem('ER_2100', { id: b.id }));
    expect(settled).toEqual([
      [a.id, 'sent', via],
      [b.id, 'expired', undefined],
    ]);
  });
});
