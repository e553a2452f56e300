/**
 * The configuration coordinator (service/config/coordinator.ts): subscribers hear only of successful loads, in order;
 * a refused change keeps the last good configuration and is recorded (time, problems) beside the last good load (time,
 * hash); a failing subscriber is logged (ER_1040), never stops the others.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigCoordinator, type ConfigChange } from '../../../../service/config/coordinator.js';
import { ConfigStore } from '../../../../shared/node/config-store.js';
import { type Problem } from '../../../../shared/messages/problem.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
let coordinator: ConfigCoordinator | undefined;
afterEach(() => {
  coordinator?.stop();
  vi.restoreAllMocks();
});

async function setup() {
  const dir = await tmp();
  await ConfigStore.init(dir);
  const logged: Problem[] = [];
  let t = Date.UTC(2026, 0, 2, 9, 30);
  coordinator = new ConfigCoordinator(dir, (p) => logged.push(p), { now: () => new Date(t) });
  const heard: string[] = [];
  const interval = async (minutes: string) => {
    const path = join(dir, 'schedule.ini');
    await writeFile(path, (await readFile(path, 'utf8')).replace(/^IntervalMinutes=.*$/m, `IntervalMinutes=${minutes}`));
  };
  return { dir, c: coordinator, logged, heard, interval, later: (ms: number) => (t += ms), codes: () => logged.map((p) => p.code) };
}

describe('ConfigCoordinator', () => {
  it('tells its subscribers after a successful load, in order, with the configuration before and after', async () => {
    const { c, heard, interval, codes } = await setup();
    const seen: ConfigChange[] = [];
    c.subscribe('first', (ch) => {
      heard.push('first');
      seen.push(ch);
    });
    c.subscribe('second', async () => {
      heard.push('second');
    });
    const first = await c.reload();
    expect(first).toBeDefined();
    expect(heard).toEqual(['first', 'second']);
    expect(seen[0]).toEqual({ before: undefined, after: first });
    await interval('7');
    const second = await c.reload();
    expect(seen[1]).toEqual({ before: first, after: second });
    expect(c.current()?.settings['schedule.retry.intervalMinutes']).toBe(7);
    expect(codes()).toEqual(['ER_6012']); // "applied the changed settings", from the second load on
  });

  it('keeps the last good configuration on a refused change, tells nobody, and records both', async () => {
    const { c, heard, interval, later, codes } = await setup();
    c.subscribe('s', () => {
      heard.push('s');
    });
    await c.reload();
    const good = c.status();
    expect(good).toEqual({
      since: '2026-01-02T09:30:00.000Z',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      lastReload: { at: good.since, ok: true, problems: [], hash: good.hash },
    });
    later(60_000);
    await interval('not a number');
    expect(await c.reload()).toBeUndefined();
    expect(heard).toEqual(['s']);
    expect(c.current()?.settings['schedule.retry.intervalMinutes']).not.toBe('not a number');
    const after = c.status();
    expect(after.since).toBe(good.since);
    expect(after.hash).toBe(good.hash);
    expect(after.lastReload).toMatchObject({ at: '2026-01-02T09:31:00.000Z', ok: false, count: 1 });
    expect(after.lastReload?.problems.map((p) => p.code)).toHaveLength(1);
    expect(codes().at(-1)).toBe('ER_1031');
  });

  it('a subscriber that throws or rejects is logged (ER_1040, naming it); the others are still told', async () => {
    const { c, heard, logged } = await setup();
    c.subscribe('throws', () => {
      throw new Error('boom');
    });
    c.subscribe('rejects', () => Promise.reject(new Error('later')));
    c.subscribe('fine', () => {
      heard.push('fine');
    });
    await c.reload();
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual(['fine']);
    expect(logged.map((p) => `${p.code} ${p.message.en}`)).toEqual([
      expect.stringMatching(/^ER_1040 .*throws: boom/),
      expect.stringMatching(/^ER_1040 .*rejects: later/),
    ]);
  });

  it('a failure that is not coded is a refused load with ER_1040, not dropped', async () => {
    const { c, logged } = await setup();
    vi.spyOn(ConfigStore, 'open').mockRejectedValueOnce(new Error('odd'));
    expect(await c.reload()).toBeUndefined();
    expect(c.status().lastReload).toMatchObject({ ok: false, problems: [{ code: 'ER_1040', message: { en: expect.stringContaining('odd') } }] });
    expect(logged.map((p) => p.code)).toEqual(['ER_1040', 'ER_1031']);
  });
});
