import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PositionStore, positionFile } from '../../../../service/sources/position-store.js';
import { tempDirs } from '../../../helpers/tmp.js';

const isOffset = (v: Record<string, unknown>): v is { offset: number } => typeof v.offset === 'number';

describe('PositionStore', () => {
  const tmpDir = tempDirs();
  it('removes the temp files a kill mid-save left of its own record at start, and nothing else', async () => {
    const dir = await tmpDir();
    const file = positionFile(dir, 'syslog', '/var/log/messages');
    const name = file.slice(dir.length + 1);
    const other = positionFile(dir, 'syslog', '/var/log/syslog').slice(dir.length + 1);
    await writeFile(file, '{"format":2,"offset":12}\n');
    for (const n of [`.${name}.4242.a1b2c3d4e5f6.tmp`, `.${name}.77.000000000000.tmp`, `.${other}.4242.a1b2c3d4e5f6.tmp`, 'notes.tmp']) {
      await writeFile(join(dir, n), '{"format":2,"off');
    }
    const store = new PositionStore<{ offset: number }>(file, () => undefined);
    expect(await store.load(isOffset)).toMatchObject({ offset: 12 });
    expect((await readdir(dir)).sort()).toEqual([`.${other}.4242.a1b2c3d4e5f6.tmp`, name, 'notes.tmp'].sort());
  });

  it('a missing folder is no position and no problem', async () => {
    const dir = await tmpDir();
    const told: unknown[] = [];
    const store = new PositionStore<{ offset: number }>(positionFile(join(dir, 'none'), 'syslog', 'x'), (p) => told.push(p));
    expect(await store.load(isOffset)).toBeUndefined();
    expect(told).toEqual([]);
  });
});
