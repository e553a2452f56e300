/**
 * backup / restore / migrate through the real command (bin/express-report.mjs, its own process) on temp folders, and
 * the service's refusal of a newer folder (docs/backup.md).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../shared/node/backup/archive.js';
import { MANIFEST } from '../../shared/node/backup/manifest.js';
import { writeZip } from '../../shared/node/transfer/zip.js';
import { changedFiles, files } from '../helpers/folder-files.js';
import { processCli } from '../helpers/process-cli.js';
import { startService } from '../helpers/service-process.js';
import { tempDirs } from '../helpers/tmp.js';
import { copyFormat1Folders } from '../helpers/format-1-folders.js';

const temp = tempDirs();

/** A machine of 0.1.0 (the format-1 fixtures: a spool with pending, sent and expired reports, a relay store). */
async function machine() {
  const base = await temp();
  const configDir = join(base, 'config');
  const stateDir = join(base, 'state');
  await copyFormat1Folders({ configDir, stateDir });
  const { argv, run } = processCli(configDir, stateDir);
  return { base, configDir, stateDir, argv, cli: run };
}

const lastLine = (s: string): string => s.trimEnd().split('\n').pop()!;
const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;
/** What a backup holds: everything but the logs, the backups and the running service's files. */
const kept = (x: Record<string, string>) => Object.fromEntries(Object.entries(x).filter(([k]) => !/^\/(log\/|backups\/|service\.json)/.test(k)));

describe('express-report backup / restore / migrate', () => {
  it('migrate runs once (a second run says nothing to do); backup → changes → restore gives the earlier folders back', async () => {
    const m = await machine();
    const first = await m.cli(['migrate']);
    expect(first.code).toBe(0);
    expect(first.out.match(/ER_8103/g)).toHaveLength(2);
    const second = await m.cli(['migrate']);
    expect([
      second.code,
      second.out
        .trim()
        .split('\n')
        .map((l) => l.slice(0, 7)),
    ]).toEqual([0, ['ER_8104']]);

    const before = { c: await files(m.configDir), s: kept(await files(m.stateDir)) };
    const b = await m.cli(['backup', '--reason', 'test']);
    expect(b.code).toBe(0);
    const archive = lastLine(b.out);
    expect(archive).toMatch(/\/state\/backups\/express-report-[\d.]+-\d{8}T\d{9}Z\.zip$/);
    expect(await modeOf(archive)).toBe(0o600);

    expect((await m.cli(['config', 'set', 'schedule.retry.intervalMinutes', '7'])).code).toBe(0);
    await writeFile(join(m.stateDir, 'spool', 'd02a7d12-36b3-49a1-8d7b-c1a9043d9840.json'), '{"changed":true}');
    await writeFile(join(m.stateDir, 'relay', 'seen.log'), '');
    expect(changedFiles(before.c, await files(m.configDir)).length).toBeGreaterThan(0);

    const r = await m.cli(['restore', archive]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('ER_8125');
    expect(changedFiles(before.c, await files(m.configDir))).toEqual([]);
    expect(changedFiles(before.s, kept(await files(m.stateDir)))).toEqual([]);
    expect(await readdir(join(m.stateDir, 'backups'))).toEqual([archive.split('/').pop()]);
    expect(await modeOf(join(m.configDir, 'routes.ini'))).toBe(0o600);
    expect(await modeOf(join(m.configDir, 'schedule.ini'))).toBe(0o644);
    expect(await modeOf(join(m.stateDir, 'spool', 'd02a7d12-36b3-49a1-8d7b-c1a9043d9840.json'))).toBe(0o600);
    expect(await modeOf(m.stateDir)).toBe(0o700);
  });

  it('restores an older backup and migrates it', async () => {
    const m = await machine();
    const b = await m.cli(['backup', '--out', join(m.base, 'old.zip')]); // of the format-1 folders, as 0.1.0 left them
    expect(b.code).toBe(0);
    expect((await readBackup(await readFile(join(m.base, 'old.zip')), 'old.zip')).manifest.formats).toEqual({ config: 1, state: 1 });
    const r = await m.cli(['restore', join(m.base, 'old.zip')]);
    expect(r.code).toBe(0);
    expect(r.out.match(/ER_8103/g)).toHaveLength(2);
    expect(JSON.parse(await readFile(join(m.stateDir, 'format.json'), 'utf8'))).toMatchObject({ format: 2 });
  });

  it('keeps the newest five backups', async () => {
    const m = await machine();
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push(lastLine((await m.cli(['backup'])).out));
    expect((await readdir(join(m.stateDir, 'backups'))).sort()).toEqual(
      made
        .slice(1)
        .map((p) => p.split('/').pop())
        .sort(),
    );
  });

  it('a service started on older folders migrates them; while it runs backup works, restore and migrate are refused (ER_8105)', async () => {
    const m = await machine();
    const s = await startService(m, ['--no-os-events']);
    try {
      // a portable run on 0.1.0's folders migrates them itself at start
      expect(s.log().match(/ER_8103/g)).toHaveLength(2);
      expect(JSON.parse(await readFile(join(m.stateDir, 'format.json'), 'utf8'))).toMatchObject({ format: 2 });
      const b = await m.cli(['backup', '--out', join(m.base, 'b.zip')]);
      expect(b.code).toBe(0);
      const before = { c: await files(m.configDir), s: await files(m.stateDir) };
      for (const args of [['restore', join(m.base, 'b.zip')], ['migrate']]) {
        const r = await m.cli(args);
        expect([r.code, r.err.slice(0, 7)]).toEqual([1, 'ER_8105']);
        expect(r.err).toContain('systemctl stop express-report');
      }
      expect(changedFiles(before.c, await files(m.configDir))).toEqual([]);
    } finally {
      await s.stop();
    }
  });

  it('refuses a tampered archive (its digest) and writes nothing', async () => {
    const m = await machine();
    const b = await m.cli(['backup', '--out', join(m.base, 'b.zip')]);
    expect(b.code).toBe(0);
    const { manifest, entries } = await readBackup(await readFile(join(m.base, 'b.zip')), 'b.zip');
    entries.set('config/schedule.ini', Buffer.from('[Retry]\nIntervalMinutes=1\n'));
    const bad = join(m.base, 'tampered.zip');
    await writeFile(
      bad,
      await writeZip([{ name: MANIFEST, data: Buffer.from(JSON.stringify(manifest)) }, ...[...entries].map(([name, data]) => ({ name, data }))]),
    );
    const before = { c: await files(m.configDir), s: await files(m.stateDir) };
    const r = await m.cli(['restore', bad]);
    expect([r.code, r.err.slice(0, 7)]).toEqual([1, 'ER_8121']);
    expect(r.err).toContain('config/schedule.ini');
    expect(changedFiles(before.c, await files(m.configDir))).toEqual([]);
    expect(changedFiles(before.s, await files(m.stateDir))).toEqual([]);
  });

  it('a folder of a newer format is refused by service, migrate and restore (ER_8101), and left as it is', async () => {
    const m = await machine();
    const b = await m.cli(['backup', '--out', join(m.base, 'b.zip')]);
    expect(b.code).toBe(0);
    await writeFile(join(m.stateDir, 'format.json'), '{"format":3,"writtenBy":"9.0.0"}\n');
    const before = { c: await files(m.configDir), s: await files(m.stateDir) };
    const svc = await m.cli(['service', '--no-os-events']);
    expect(svc.code).not.toBe(0);
    expect(svc.err).toMatch(/ER_8101 .*format\.json is in format 3, newer than the 2/);
    expect((await m.cli(['migrate'])).err.slice(0, 7)).toBe('ER_8101');
    expect(changedFiles(before.c, await files(m.configDir))).toEqual([]);
    expect(changedFiles(before.s, await files(m.stateDir)).filter((f) => !f.startsWith('/log/'))).toEqual([]);

    // an archive whose manifest names a newer format: refused before anything is written
    const { manifest, entries } = await readBackup(await readFile(join(m.base, 'b.zip')), 'b.zip');
    const newer = join(m.base, 'newer.zip');
    await writeFile(
      newer,
      await writeZip([
        { name: MANIFEST, data: Buffer.from(JSON.stringify({ ...manifest, formats: { config: 1, state: 3 } })) },
        ...[...entries].map(([name, data]) => ({ name, data })),
      ]),
    );
    await writeFile(join(m.stateDir, 'format.json'), '{"format":2,"writtenBy":"0.1.0"}\n');
    const r = await m.cli(['restore', newer, '--force']);
    expect([r.code, r.err.slice(0, 7)]).toEqual([1, 'ER_8101']);
  });
});
