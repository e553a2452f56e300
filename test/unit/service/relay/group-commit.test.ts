import { openSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../../service/relay/group-commit.js';
import { type SeenEntry } from '../../../../service/relay/seen-ids.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function setup() {
  const d = await mkdtemp(join(tmpdir(), 'gc-'));
  dirs.push(d);
  const remembered: SeenEntry[][] = [];
  const gc = new GroupCommit({ dir: d, remember: async (e) => void remembered.push(e) });
  const item = async (id: string, remember = true) => {
    const part = join(d, `${id}.part`);
    await writeFile(part, id);
    // A raw descriptor, as the receiver's write stream leaves it: the commit closes it.
    return { fd: openSync(part, 'r+'), part, final: join(d, `${id}.frame`), id, remember };
  };
  return { d, gc, remembered, item };
}

describe('GroupCommit', () => {
  it('commits what is ready together: one folder fsync and one seen.log append for many files', async () => {
    const { d, gc, remembered, item } = await setup();
    const items = await Promise.all(Array.from({ length: 20 }, (_, i) => item(`r${i}`, i !== 5)));
    await Promise.all(items.map((i) => gc.commit(i)));
    // The first is taken alone (nothing else was ready yet); the other 19 wait for it and go as one batch.
    expect(gc.stats).toEqual({ batches: 2, items: 20 });
    expect(remembered.map((b) => b.length)).toEqual([1, 18]);
    expect((await readdir(d)).filter((n) => n.endsWith('.part'))).toEqual([]);
    expect((await readdir(d)).filter((n) => n.endsWith('.frame'))).toHaveLength(20);
  });

  it('rejects only the item that failed; the others of its batch are committed', async () => {
    const { d, gc, item } = await setup();
    const good = await item('good');
    const bad = { ...(await item('bad')), final: join(d, 'missing-folder', 'bad.frame') };
    const first = await item('first');
    const firstDone = gc.commit(first);
    const results = await Promise.allSettled([gc.commit(good), gc.commit(bad)]);
    await firstDone;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await readdir(d)).sort()).toEqual(['first.frame', 'good.frame']);
  });

  it('writes how each came in before any rename, and empties that journal only when no batch waits', async () => {
    const d = await mkdtemp(join(tmpdir(), 'gc-'));
    dirs.push(d);
    const order: string[] = [];
    const gc = new GroupCommit({
      dir: d,
      intend: async (e) => {
        // nothing of this batch is renamed yet: a crash now leaves only .part files, never a frame without its port
        order.push(`intend ${e.map((x) => `${x.id}:${x.port}`).join(',')} frames=${(await readdir(d)).filter((n) => n.endsWith('.frame')).length}`);
      },
      remember: async (e) => void order.push(`remember ${e.length}`),
      idle: async () => void order.push('idle'),
    });
    const item = async (id: string) => {
      const part = join(d, `${id}.part`);
      await writeFile(part, id);
      return { fd: openSync(part, 'r+'), part, final: join(d, `${id}.frame`), id, remember: true, via: { port: 'https' as const, from: '127.0.0.1' } };
    };
    await gc.commit(await item('a'));
    await new Promise((r) => setTimeout(r, 20)); // the ACK does not wait for the journal to be emptied
    expect(order).toEqual(['intend a:https frames=0', 'remember 1', 'idle']);
  });

  it('a journal that cannot be written fails the batch: nothing renamed, the parts removed', async () => {
    const d = await mkdtemp(join(tmpdir(), 'gc-'));
    dirs.push(d);
    const gc = new GroupCommit({ dir: d, intend: () => Promise.reject(new Error('ENOSPC')), remember: () => Promise.resolve() });
    const part = join(d, 'x.part');
    await writeFile(part, 'x');
    await expect(gc.commit({ fd: openSync(part, 'r+'), part, final: join(d, 'x.frame'), id: 'x', remember: true })).rejects.toThrow('ENOSPC');
    expect(await readdir(d)).toEqual([]);
  });
});
