import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SeenIds } from '../../../../service/relay/seen-ids.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
const tmp = async () => {
  const d = await mkdtemp(join(tmpdir(), 'seen-'));
  dirs.push(d);
  return join(d, 'seen.log');
};

describe('SeenIds', () => {
  it('remembers appended ids across a reload, with how they came in', async () => {
    const file = await tmp();
    const { seen } = await SeenIds.load(file);
    await seen.append([
      { id: 'a', at: new Date('2026-01-01T00:00:00Z'), port: 'https', from: '::ffff:10.0.0.1' },
      { id: 'b', at: new Date('2026-01-02T00:00:00Z') },
    ]);
    const again = (await SeenIds.load(file)).seen;
    expect(again.has('a') && again.has('b') && !again.has('c')).toBe(true);
    expect(again.get('a')).toEqual({ id: 'a', at: new Date('2026-01-01T00:00:00Z'), port: 'https', from: '::ffff:10.0.0.1' });
  });

  it('prunes by age, not by count, rewriting the file', async () => {
    const file = await tmp();
    const { seen } = await SeenIds.load(file);
    const day = 24 * 3600_000;
    const now = new Date('2026-02-01T00:00:00Z');
    await seen.append(Array.from({ length: 3000 }, (_, i) => ({ id: `new-${i}`, at: new Date(now.getTime() - day) })));
    await seen.append([{ id: 'old', at: new Date(now.getTime() - 31 * day) }]);
    expect(await seen.prune(now, 30 * day)).toBe(1);
    expect(seen.size).toBe(3000);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('old');
    expect((await SeenIds.load(file)).seen.size).toBe(3000);
  });

  it('skips a torn or foreign line instead of failing', async () => {
    const file = await tmp();
    await writeFile(file, 'a 2026-01-01T00:00:00.000Z\nb not-a-time\nc 2026-01-0');
    const { seen, skipped } = await SeenIds.load(file);
    expect(seen.has('a')).toBe(true);
    expect(skipped).toBe(2);
  });
});
