/**
 * A report that leaves the spool gives its file to the next write instead of it being unlinked (group-write.ts): the
 * next write creates no file, its bytes are exactly the new data (the spare is emptied first), and a spare a crash left
 * behind is a temp file the next open removes.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GroupWrite, realWriteFs, type WriteFs } from '../../../../service/spool/group-write.js';
import { Spool } from '../../../../service/spool/spool.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { sample } from '../delivery/helpers.js';

const tmp = tempDirs();

/** The real file operations, recording the spare each write was given. */
function spying() {
  const given: Array<string | undefined> = [];
  const fs: WriteFs = {
    ...realWriteFs,
    writeTemp: (path, data, spare) => {
      given.push(spare);
      return realWriteFs.writeTemp(path, data, spare);
    },
  };
  return { fs, given };
}

describe('round trips of a batch', () => {
  it('the folder is opened while the files are written, and its fsync uses that handle', async () => {
    const dir = await tmp();
    const order: string[] = [];
    const fs: WriteFs = {
      ...realWriteFs,
      openDir: async (d) => {
        order.push('openDir');
        return realWriteFs.openDir!(d);
      },
      writeTemp: async (path, data, spare) => {
        order.push('writeTemp');
        const t = await realWriteFs.writeTemp(path, data, spare);
        order.push('written');
        return t;
      },
      syncDir: async (d, opened) => {
        order.push(opened ? 'syncDir(opened)' : 'syncDir');
        return realWriteFs.syncDir(d, opened);
      },
    };
    await new GroupWrite(fs).write(join(dir, 'one.json'), 'one');
    expect(order).toEqual(['openDir', 'writeTemp', 'written', 'syncDir(opened)']);
    expect(await readFile(join(dir, 'one.json'), 'utf8')).toBe('one');
  });
});

describe('one group commit per folder', () => {
  it('a write to the waiting folder does not wait for a sent/ batch on its way to the disk', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 'sent'));
    await mkdir(join(dir, 'spool'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const atSync = new Promise<void>((r) => (reached = r));
    const fs: WriteFs = {
      ...realWriteFs,
      syncDir: async (d, opened) => {
        if (d.endsWith('sent')) {
          reached();
          await gate; // a slow journal commit
        }
        return realWriteFs.syncDir(d, opened);
      },
    };
    const w = new GroupWrite(fs);
    let sentDone = false;
    const sent = w.write(join(dir, 'sent', 'a.json'), 'a').then(() => (sentDone = true));
    await atSync;
    await w.write(join(dir, 'spool', 'b.json'), 'b'); // one batcher for both: this waited for the gate (the test timed out)
    expect(sentDone).toBe(false);
    release();
    await sent;
    expect(w.stats).toEqual({ batches: 2, items: 2, largest: 1 });
  });
});

describe('spare files', () => {
  it('a retired file is written again, emptied first, in another folder too', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    const { fs, given } = spying();
    const w = new GroupWrite(fs);
    const long = 'x'.repeat(5000);
    await w.write(join(dir, 'a', 'one.json'), long);
    await w.retire(join(dir, 'a', 'one.json'));
    expect((await readdir(join(dir, 'a'))).filter((n) => n.endsWith('.spare.tmp'))).toHaveLength(1);

    await w.write(join(dir, 'b', 'two.json'), 'short');
    expect(given[0]).toBeUndefined();
    expect(given[1]).toMatch(/\.spare\.tmp$/);
    expect(await readFile(join(dir, 'b', 'two.json'), 'utf8')).toBe('short');
    expect(await readdir(join(dir, 'a'))).toEqual([]); // the spare moved, nothing left behind
    expect(await readdir(join(dir, 'b'))).toEqual(['two.json']);

    // No spare left: the next write creates its file as before.
    await w.write(join(dir, 'b', 'three.json'), 'third');
    expect(given[2]).toBeUndefined();
  });

  it('a spare that is gone (or cannot be moved) does not fail the write', async () => {
    const dir = await tmp();
    const w = new GroupWrite();
    await w.write(join(dir, 'one.json'), 'one');
    await w.retire(join(dir, 'one.json'));
    for (const n of await readdir(dir)) await unlink(join(dir, n)); // someone removed the spare
    await w.write(join(dir, 'two.json'), 'two');
    expect(await readdir(dir)).toEqual(['two.json']);
    expect(await readFile(join(dir, 'two.json'), 'utf8')).toBe('two');
  });

  it('in the spool: the sent report gives its waiting file to the next accept; a spare left by a stop goes at open', async () => {
    const state = await tmp();
    const { fs, given } = spying();
    const spool = await Spool.open(state, { bootId: null, writeFs: fs });
    const first = await spool.accept(sample());
    await spool.markSent(first.id, 'ok', 'https');
    const second = await spool.accept(sample());
    expect(given.map((s) => s !== undefined)).toEqual([false, false, true]); // accept, its sent/ copy, the next accept
    expect((await readdir(join(state, 'spool'))).filter((n) => n.endsWith('.json'))).toEqual([`${second.id}.json`]);

    await spool.markSent(second.id, 'ok', 'https'); // its waiting file becomes a spare, left as a stop would leave it
    expect((await readdir(join(state, 'spool'))).some((n) => n.endsWith('.spare.tmp'))).toBe(true);
    const again = await Spool.open(state, { bootId: null });
    expect((await readdir(join(state, 'spool'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(again.counts()).toEqual({ pending: 0, sent: 2, expired: 0 });
  });

  it('a sent report pruned beyond keepSent gives its file too, so a delivery creates none', async () => {
    const state = await tmp();
    const { fs, given } = spying();
    const spool = await Spool.open(state, { bootId: null, writeFs: fs, keepSent: 1 });
    for (let i = 0; i < 3; i++) await spool.markSent((await spool.accept(sample())).id, 'ok', 'https');
    // accept and sent/ copy of each: the first creates both; the second's sent/ copy comes before any spare; from the
    // third on, the waiting file and the pruned sent/ file of the one before are written again
    expect(given.map((s) => s !== undefined)).toEqual([false, false, true, false, true, true]);
    expect((await readdir(join(state, 'sent'))).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });
});
