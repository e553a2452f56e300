/**
 * The spool's group commit (issue 16): reports accepted together share fsyncs, and each is acknowledged only once it is
 * durable; when one batch cannot be written (a full disk), each of its reports fails with its own ER_1002 and none of
 * them is kept or acknowledged, while the batches before and after it are.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../../shared/node/coded-error.js';
import { realWriteFs, type WriteFs } from '../../../../service/spool/group-write.js';
import { Spool } from '../../../../service/spool/spool.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { sample } from '../delivery/helpers.js';

const tmp = tempDirs();
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Counts folder fsyncs; `failing` says which write (by its order) and which folder fsync fail. */
function countingFs(failing: { write?: (path: string) => boolean; syncDir?: (n: number) => boolean } = {}) {
  const count = { syncDir: 0, writes: 0 };
  const fs: WriteFs = {
    ...realWriteFs,
    writeTemp: async (path, data) => {
      count.writes++;
      if (failing.write?.(path)) throw enospc();
      return realWriteFs.writeTemp(path, data);
    },
    syncDir: async (dir) => {
      const n = ++count.syncDir;
      if (failing.syncDir?.(n)) throw enospc();
      return realWriteFs.syncDir(dir);
    },
  };
  return { fs, count };
}

const files = async (dir: string) => (await readdir(join(dir, 'spool'))).filter((n) => !n.startsWith('corrupt'));

describe('group commit in the spool', () => {
  it('200 reports accepted at once share folder fsyncs; each is on disk when acknowledged', async () => {
    const dir = await tmp();
    const { fs, count } = countingFs();
    const spool = await Spool.open(dir, { bootId: null, writeFs: fs });
    const acked: string[] = [];
    const onDiskAtAck: boolean[] = [];
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        spool.accept(sample({ event: { source: 'disk', id: i, time: '2024-01-01T10:00:00.000Z', message: `m${i}` } })).then(async (r) => {
          acked.push(r.id);
          onDiskAtAck.push(JSON.parse(await readFile(join(dir, 'spool', `${r.id}.json`), 'utf8')).report.id === r.id);
        }),
      ),
    );
    expect(acked).toHaveLength(200);
    expect(onDiskAtAck.every(Boolean)).toBe(true);
    expect(count.syncDir).toBeLessThan(20); // one per batch, not one per report
    expect(spool.commits.items).toBe(200);
    expect(spool.commits.largest).toBeGreaterThan(10);
    expect((await files(dir)).sort()).toEqual(acked.map((id) => `${id}.json`).sort());
    const again = await Spool.open(dir, { bootId: null });
    expect(again.counts().pending).toBe(200);
  });

  it('a batch whose writes fail (disk full): each of its reports gets ER_1002, none is kept, the others are', async () => {
    const dir = await tmp();
    let failNow = false;
    const { fs } = countingFs({ write: () => failNow });
    const spool = await Spool.open(dir, { bootId: null, writeFs: fs });
    const first = await spool.accept(sample());
    failNow = true;
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => spool.accept(sample())));
    failNow = false;
    const last = await spool.accept(sample());
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    for (const o of outcomes) expect(o.status === 'rejected' && isCodedError(o.reason, 'ER_1002') && /ENOSPC/.test(o.reason.message)).toBe(true);
    expect(spool.counts().pending).toBe(2);
    expect(spool.pending().map((r) => r.report.id)).toEqual([first.id, last.id]);
    expect((await files(dir)).sort()).toEqual([`${first.id}.json`, `${last.id}.json`].sort()); // no temp file left
  });

  it('a folder fsync that fails: its batch is not acknowledged (ER_1002), not delivered, and the next batch is', async () => {
    const dir = await tmp();
    const { fs } = countingFs({ syncDir: (n) => n === 3 });
    const spool = await Spool.open(dir, { bootId: null, writeFs: fs });
    const told: string[] = [];
    spool.onAccepted((r) => told.push(r.id));
    const ok1 = await spool.accept(sample());
    // the first goes alone (nothing in flight), the two behind it share the next batch: its folder fsync fails
    const trio = await Promise.allSettled([spool.accept(sample()), spool.accept(sample()), spool.accept(sample())]);
    const ok2 = await spool.accept(sample());
    expect(trio.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    for (const o of trio.slice(1)) expect(o.status === 'rejected' && isCodedError(o.reason, 'ER_1002')).toBe(true);
    const alone = trio[0]!.status === 'fulfilled' ? trio[0].value.id : '';
    expect(told).toEqual([ok1.id, alone, ok2.id]);
    expect(spool.pending().map((r) => r.report.id)).toEqual([ok1.id, alone, ok2.id]);
  });

  it('two changes of one report in one batch: the later one is what stays on disk', async () => {
    const dir = await tmp();
    const spool = await Spool.open(dir, { bootId: null });
    const r = await spool.accept(sample());
    await Promise.all([spool.update(r.id, (x) => ({ ...x, count: 2 })), spool.update(r.id, (x) => ({ ...x, count: x.count + 1 }))]);
    const onDisk = JSON.parse(await readFile(join(dir, 'spool', `${r.id}.json`), 'utf8')) as { report: { count: number } };
    expect(onDisk.report.count).toBe(3);
    expect((await Spool.open(dir, { bootId: null })).get(r.id)?.report.count).toBe(3);
  });
});
