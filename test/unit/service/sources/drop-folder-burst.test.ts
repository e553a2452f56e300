/**
 * Issue 16: a burst in the drop folder is taken several files at once (bounded), so their reports share the spool's
 * group commits, and each file is removed only once its report is durable. The spool is real; its first folder fsync
 * is held back, so every accept in flight waits on the disk while the test looks at the folder.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DropFolder } from '../../../../service/sources/drop-folder.js';
import { type IncomingEvent } from '../../../../service/sources/event-source.js';
import { realWriteFs, type WriteFs } from '../../../../service/spool/group-write.js';
import { Spool } from '../../../../service/spool/spool.js';
import { waitingRecord } from '../../../helpers/spool-records.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
const FILES = 300;
const IN_FLIGHT = 16;

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('drop folder: a burst', () => {
  it('takes up to inFlight files at once, in name order, removes none before its report is durable, loses none', async () => {
    const base = await tmp();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let syncs = 0;
    const writeFs: WriteFs = { ...realWriteFs, syncDir: async (d) => (syncs++ === 0 ? held : Promise.resolve()).then(() => realWriteFs.syncDir(d)) };
    const spool = await Spool.open(join(base, 'state'), { bootId: null, writeFs });
    const dir = join(base, 'drop');
    await mkdir(dir);
    const names = Array.from({ length: FILES }, (_, i) => `e-${String(i).padStart(4, '0')}.json`);
    for (const [i, n] of names.entries()) await writeFile(join(dir, n), JSON.stringify({ source: 'atapi', id: '0xc0040006', message: `m${i}` }));

    const machine = waitingRecord(0).report.machine;
    const called: string[] = [];
    let durable = 0;
    const accept = async (e: IncomingEvent) => {
      called.push(e.message);
      await spool.accept({ kind: 'failure', machine, event: { source: e.source, id: e.id, time: new Date().toISOString(), message: e.message } });
      durable++;
    };
    const problems: string[] = [];
    const drop = new DropFolder(dir, accept, (p) => problems.push(p.code), { inFlight: IN_FLIGHT });
    const scanned = drop.scan();

    await until(() => called.length >= IN_FLIGHT, 'the first files to be handed to the spool');
    await new Promise((r) => setTimeout(r, 200)); // room for a 17th, which the bound must not let in
    expect(called).toHaveLength(IN_FLIGHT);
    expect(durable).toBe(0);
    expect((await readdir(dir)).filter((n) => n.endsWith('.json'))).toHaveLength(FILES); // none removed before durable

    release();
    await scanned;
    expect(problems).toEqual([]);
    expect(called).toEqual(names.map((_, i) => `m${i}`)); // handed over in name order
    expect(durable).toBe(FILES);
    expect((await readdir(dir)).filter((n) => n.endsWith('.json'))).toEqual([]);
    expect(spool.counts().pending).toBe(FILES);
    expect(new Set(spool.pending().map((r) => r.report.event?.message)).size).toBe(FILES);
    expect(spool.commits.batches).toBeLessThan(FILES / 2); // the files shared fsyncs
    await drop.stop();
  }, 60_000);
});
