/**
 * `express-report backup` (docs/backup.md): config + state as one archive, 0600, atomically; by default in
 * `<state>/backups/` (0700), where the newest five are kept. It works while the service runs: the config write lock is
 * held while the files are read (no save lands half-way), and every state file the service writes is replaced by
 * rename, so each file read whole is one consistent version of it.
 */
import { hostname } from 'node:os';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { problem, type Problem } from '../../messages/problem.js';
import { writeFileAtomic } from '../atomic-write.js';
import { codedError, isCodedError, reasonOf } from '../coded-error.js';
import { withConfigLock } from '../config-lock.js';
import { folderFormats, type Dirs } from '../formats/migrations.js';
import { buildArchive, collect, type Collected } from './archive.js';
import { BACKUP_PRODUCT } from './manifest.js';
import { needTwice, statfsFree, type FreeSpace } from './space.js';

export const BACKUPS_DIR = 'backups';
export const KEEP_BACKUPS = 5;
const NAME = /^express-report-.+-\d{8}T\d{6}(?:\d{3})?Z\.zip$/;

export interface BackupOptions {
  version: string;
  out?: string;
  reason?: string;
  now?: Date;
  log?: (p: Problem) => void;
  /** @internal Tests inject the disk's free space. */
  free?: FreeSpace;
}

const stampOf = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');

export const backupsDir = (stateDir: string): string => join(stateDir, BACKUPS_DIR);

/** Writes the archive; returns its path. Refuses (ER_8110) before writing when the disk lacks twice its size. */
export async function backup(dirs: Dirs, o: BackupOptions): Promise<{ path: string; size: number; count: number }> {
  const now = o.now ?? new Date();
  const formats = await folderFormats(dirs);
  if (formats.config === undefined) throw codedError('ER_1005', { path: dirs.configDir });
  if (formats.state === undefined) throw codedError('ER_8113', { path: dirs.stateDir, reason: 'the state folder does not exist' });
  const folderFormat = { config: formats.config, state: formats.state };
  const path = resolve(o.out ?? join(backupsDir(dirs.stateDir), `express-report-${o.version}-${stampOf(now)}.zip`));
  const built = await withConfigLock(dirs.configDir, async () => {
    const c: Collected = { files: [], dirs: [] };
    await collect('config', dirs.configDir, c);
    await collect('state', dirs.stateDir, c);
    // The archive is at most the files' total (plus small headers): the estimate for the free-space rule.
    await needTwice(
      dirname(path),
      c.files.reduce((n, f) => n + f.size, 0),
      o.free ?? statfsFree,
    );
    return buildArchive(c, {
      product: BACKUP_PRODUCT,
      version: o.version,
      createdAt: now.toISOString(),
      reason: o.reason ?? '',
      host: hostname(),
      formats: folderFormat,
    });
  });
  try {
    if (!o.out) await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, built.bytes, { mode: 0o600, forceMode: true });
  } catch (e) {
    throw isCodedError(e, 'ER_8110') ? e : codedError('ER_8113', { path, reason: reasonOf(e) }, {}, e);
  }
  o.log?.(problem('ER_8111', { path, count: built.count, size: built.bytes.length }));
  if (!o.out) await rotate(dirname(path), o.log);
  return { path, size: built.bytes.length, count: built.count };
}

/** Keeps the newest KEEP_BACKUPS archives of the default folder (by the UTC time in their names); older ones go. */
export async function rotate(dir: string, log?: (p: Problem) => void): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => NAME.test(n));
  const withTime = await Promise.all(
    names.map(async (n) => ({ n, t: n.replace(/^.*-(\d{8}T\d{6}\d{0,3}Z)\.zip$/, '$1'), m: (await stat(join(dir, n))).mtimeMs })),
  );
  withTime.sort((a, b) => (a.t === b.t ? a.m - b.m : a.t < b.t ? -1 : 1));
  const gone = withTime.slice(0, Math.max(0, withTime.length - KEEP_BACKUPS)).map((x) => join(dir, x.n));
  for (const p of gone) {
    await unlink(p);
    log?.(problem('ER_8112', { path: p, keep: KEEP_BACKUPS }));
  }
  return gone;
}
