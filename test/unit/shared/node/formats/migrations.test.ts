import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../../../shared/node/coded-error.js';
import { CURRENT_FORMAT, readFolderFormat } from '../../../../../shared/node/formats/format.js';
import { migrateFolders, MIGRATIONS } from '../../../../../shared/node/formats/migrations.js';
import { readMaintenance } from '../../../../../shared/node/maintenance-file.js';
import { Spool } from '../../../../../service/spool/spool.js';
import { SeenIds } from '../../../../../service/relay/seen-ids.js';
import { RelayStore } from '../../../../../service/relay/store.js';
import { HeartbeatScheduler } from '../../../../../service/sources/heartbeat-scheduler.js';
import { files, changedFiles } from '../../../../helpers/folder-files.js';
import { tempDirs } from '../../../../helpers/tmp.js';
import { copyFormat1Folders } from '../../../../helpers/format-1-folders.js';

const temp = tempDirs();

/** A copy of 0.1.0's folders (test/fixtures/*-format-1, written by that version's code). */
async function format1(): Promise<{ configDir: string; stateDir: string }> {
  const d = await temp();
  const dirs = { configDir: join(d, 'config'), stateDir: join(d, 'state') };
  await copyFormat1Folders(dirs);
  return dirs;
}

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isCodedError(e) ? e.code : String(e)),
  );

/** What the current readers load from a state folder (the format field aside), to compare two folders. */
async function readBack(stateDir: string) {
  const opts = { now: () => new Date('2026-12-01T00:00:00Z'), mono: () => 5_000, bootId: null };
  const spool = await Spool.open(stateDir, opts);
  const strip = (o: object): object => {
    const { format: _f, ...rest } = o as { format?: unknown };
    return rest;
  };
  const seen = await SeenIds.load(join(stateDir, 'relay', 'seen.log'));
  const problems: string[] = [];
  const hb = new HeartbeatScheduler({ stateFile: join(stateDir, 'heartbeat.json'), run: async () => undefined, onProblem: (p) => problems.push(p.code) });
  await hb.start({ type: 'every week', day: 1, hour: 10, minute: 0 });
  const due = hb.nextDue()?.toISOString();
  hb.stop();
  const { store, skipped } = await RelayStore.open(stateDir);
  return {
    spool: spool.list().map((e) => strip(e)),
    counts: spool.counts(),
    seen: { size: seen.seen.size, skipped: seen.skipped, entry: seen.seen.get('0b7e3c6e-8f57-4a43-9c1e-6f1f3d1a2b3c') },
    relay: { skipped, has: store.holds('0b7e3c6e-8f57-4a43-9c1e-6f1f3d1a2b3c') },
    heartbeat: { due, problems },
    maintenance: await readMaintenance(stateDir),
  };
}

describe('migrations (docs/backup.md "Formats and migrations")', () => {
  it('has one migration per folder from every earlier format', () => {
    for (const folder of ['config', 'state'] as const)
      for (let f = 1; f < CURRENT_FORMAT; f++) expect(MIGRATIONS.filter((m) => m.folder === folder && m.from === f && m.to === f + 1)).toHaveLength(1);
  });

  it('1 → 2: stamps both folders and what the readers load is what they loaded from format 1', async () => {
    const before = await format1();
    const dirs = await format1();
    const logged: string[] = [];
    const r = await migrateFolders(dirs, { version: '9.9.9', log: (p) => logged.push(p.code) });
    expect(r.ran).toEqual([
      { folder: 'config', from: 1, to: 2 },
      { folder: 'state', from: 1, to: 2 },
    ]);
    expect(logged).toEqual(['ER_8103', 'ER_8103']);
    expect(await readFolderFormat(dirs.stateDir)).toEqual({ format: 2, writtenBy: '9.9.9' });
    expect(await readFolderFormat(dirs.configDir)).toEqual({ format: 2, writtenBy: '9.9.9' });
    expect((await stat(join(dirs.stateDir, 'format.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dirs.configDir, 'format.json'))).mode & 0o777).toBe(0o644);
    // every JSON record carries the field, the logs their header
    const spoolFile = JSON.parse(await readFile(join(dirs.stateDir, 'sent', '64f7c957-102c-4f23-acd7-2e9c5e5d03c9.json'), 'utf8')) as { format: number };
    expect(spoolFile.format).toBe(2);
    for (const n of ['heartbeat.json', 'maintenance.json', 'tested-settings.json', 'relay/agents.json'])
      expect((JSON.parse(await readFile(join(dirs.stateDir, n), 'utf8')) as { format: number }).format, n).toBe(2);
    expect(await readFile(join(dirs.stateDir, 'relay', 'seen.log'), 'utf8')).toMatch(/^# express-report relay-ids format 2\n[0-9a-f-]{36} /);
    expect(await readFile(join(dirs.stateDir, 'relay', 'intent.log'), 'utf8')).toBe('# express-report relay-ids format 2\n');
    // the config folder's files are untouched
    expect(changedFiles(await files(before.configDir), await files(dirs.configDir))).toEqual(['/format.json']);
    const a = await readBack(before.stateDir);
    const b = await readBack(dirs.stateDir);
    expect(b).toEqual(a);
    expect(b.counts).toEqual({ pending: 2, sent: 1, expired: 1 });
    expect(b.seen.skipped).toBe(0);
    expect(b.heartbeat.problems).toEqual(['ER_6406']); // the next due time, read from the record (no ER_1405)
    expect(b.maintenance.overlay?.reason).toBe('fixture pause');
  });

  it('a second run does nothing', async () => {
    const dirs = await format1();
    await migrateFolders(dirs, { version: '9.9.9' });
    const once = { c: await files(dirs.configDir), s: await files(dirs.stateDir) };
    const r = await migrateFolders(dirs, { version: '9.9.9' });
    expect(r.ran).toEqual([]);
    expect(changedFiles(once.c, await files(dirs.configDir))).toEqual([]);
    expect(changedFiles(once.s, await files(dirs.stateDir))).toEqual([]);
  });

  it('a folder of a newer format is refused before anything is changed (ER_8101)', async () => {
    const dirs = await format1();
    await writeFile(join(dirs.stateDir, 'format.json'), '{"format":3,"writtenBy":"9.0.0"}\n');
    const c = await files(dirs.configDir);
    expect(await codeOf(migrateFolders(dirs, { version: '9.9.9' }))).toBe('ER_8101');
    expect(changedFiles(c, await files(dirs.configDir))).toEqual([]);
  });

  it('a record or log of a newer format is refused by its reader, not set aside', async () => {
    const dirs = await format1();
    await migrateFolders(dirs, { version: '9.9.9' });
    const rec = join(dirs.stateDir, 'sent', '64f7c957-102c-4f23-acd7-2e9c5e5d03c9.json');
    const text = (await readFile(rec, 'utf8')).replace('"format": 2', '"format": 3');
    await writeFile(rec, text);
    expect(await codeOf(Spool.open(dirs.stateDir))).toBe('ER_8101');
    expect(await readFile(rec, 'utf8')).toBe(text); // still there, unchanged
    const seen = join(dirs.stateDir, 'relay', 'seen.log');
    await writeFile(seen, (await readFile(seen, 'utf8')).replace('format 2', 'format 3'));
    expect(await codeOf(SeenIds.load(seen))).toBe('ER_8101');
    const m = join(dirs.stateDir, 'maintenance.json');
    await writeFile(m, (await readFile(m, 'utf8')).replace('"format": 2', '"format": 3'));
    const read = await readMaintenance(dirs.stateDir);
    expect(read.problem?.code).toBe('ER_8101');
    expect(read.overlay).toBeDefined(); // held, as a pause, not ignored
  });

  it('a crash after any step leaves a folder the next run finishes, the same as one run', async () => {
    const whole = await format1();
    await migrateFolders(whole, { version: '9.9.9' });
    const want = { c: await files(whole.configDir), s: await files(whole.stateDir) };
    let steps = 0;
    await migrateFolders(await format1(), { version: '9.9.9', afterStep: () => void steps++ });
    expect(steps).toBeGreaterThan(5);
    for (let k = 1; k < steps; k++) {
      const dirs = await format1();
      let n = 0;
      const crash = (): void => {
        if (++n === k) throw new Error(`crash after step ${k}`);
      };
      expect(await codeOf(migrateFolders(dirs, { version: '9.9.9', afterStep: crash })), `step ${k}`).toBe('ER_8106');
      await migrateFolders(dirs, { version: '9.9.9' });
      expect(changedFiles(want.c, await files(dirs.configDir)), `step ${k}`).toEqual([]);
      expect(changedFiles(want.s, await files(dirs.stateDir)), `step ${k}`).toEqual([]);
    }
  });
});
