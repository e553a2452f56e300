/**
 * `express-report restore FILE` (docs/backup.md): the archive is checked whole first (limits, names, manifest, every
 * digest, formats not newer than this program, free space), then both folders are put back at once: each is built
 * beside its place (`<dir>.restore-<random>`, modes from the manifest, fsync'd), the current folders are renamed aside,
 * the new ones renamed in, the parents fsync'd, and only then are the set-aside copies deleted; a failed rename puts
 * the old folders back. `<state>/backups/` is kept across a restore. The caller holds the service lock (no service
 * runs) and runs the pending migrations afterwards (an older backup is migrated).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { problem, type Problem } from '../../messages/problem.js';
import { syncFolder, syncTree } from '../atomic-write.js';
import { codedError, errnoCode, reasonOf } from '../coded-error.js';
import { CURRENT_FORMAT, newerFormat } from '../formats/format.js';
import { type Dirs } from '../formats/migrations.js';
import { LIMITS, readBackup, type CheckedBackup } from './archive.js';
import { BACKUPS_DIR } from './backup.js';
import { type Manifest } from './manifest.js';
import { needTwice, statfsFree, type FreeSpace } from './space.js';

export interface RestoreOptions {
  /** This program's version: a backup made by a newer one is a downgrade, refused (ER_8127) unless `force`. */
  version?: string;
  force?: boolean;
  log?: (p: Problem) => void;
  /** @internal Tests inject the disk's free space. */
  free?: FreeSpace;
  /** @internal Tests make a rename fail here ('config' or 'state', before its new folder is renamed in). */
  beforeSwap?: (folder: 'config' | 'state') => void;
}

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    (e: unknown) => (errnoCode(e) === 'ENOENT' ? false : Promise.reject(e)),
  );

/** The archive read and checked, nothing written (ER_8101, ER_8120-8123). */
export async function checkBackup(file: string): Promise<CheckedBackup & { size: number }> {
  const size = (await stat(file).catch((e: unknown) => Promise.reject(codedError('ER_8120', { file, reason: reasonOf(e) }, {}, e)))).size;
  if (size > LIMITS.archiveBytes) throw codedError('ER_8122', { file, what: 'archive', size, limit: LIMITS.archiveBytes });
  const checked = await readBackup(await readFile(file), file);
  for (const folder of ['config', 'state'] as const) {
    const f = checked.manifest.formats[folder];
    if (f > CURRENT_FORMAT) throw newerFormat(`${file} (${folder})`, f);
  }
  return { ...checked, size };
}

/** One folder of the archive written beside its place, with the manifest's modes, and fsync'd. */
async function build(top: 'config' | 'state', into: string, b: CheckedBackup): Promise<void> {
  const dirs = b.manifest.dirs.filter((d) => d.name === top || d.name.startsWith(`${top}/`));
  const local = (name: string): string => join(into, name.slice(top.length));
  await mkdir(into, { mode: 0o700 });
  for (const d of dirs) await mkdir(local(d.name), { recursive: true, mode: 0o700 });
  for (const e of b.manifest.entries.filter((x) => x.name.startsWith(`${top}/`))) {
    const path = local(e.name);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const fh = await open(path, 'wx', 0o600);
    try {
      await fh.writeFile(b.entries.get(e.name)!);
      await fh.chmod(e.mode);
    } finally {
      await fh.close();
    }
  }
  for (const d of dirs.reverse()) await chmod(local(d.name), d.mode); // deepest first: a 0500 folder is closed last
  await syncTree(into);
}

interface Swap {
  folder: 'config' | 'state';
  dir: string;
  fresh: string;
  aside?: string;
  done: boolean;
}

/** Puts both folders back from `file`; returns its manifest. Nothing is changed when a check fails. */
export async function restore(dirs: Dirs, file: string, o: RestoreOptions = {}): Promise<Manifest> {
  const b = await checkBackup(file);
  if (o.version !== undefined && !o.force && newerVersion(b.manifest.version, o.version))
    throw codedError('ER_8127', { file, version: b.manifest.version, ours: o.version });
  // What is written is the files unpacked: a few KB of archive can hold gigabytes of zeros.
  const unpacked = b.manifest.entries.reduce((n, e) => n + e.size, 0);
  for (const dir of [dirs.configDir, dirs.stateDir])
    await needTwice(dirname(dir), Math.max(b.size, unpacked), o.free ?? statfsFree, unpacked > b.size ? 'ER_9052' : 'ER_8110');
  const tag = randomBytes(6).toString('hex');
  const swaps: Swap[] = (['config', 'state'] as const).map((folder) => {
    const dir = folder === 'config' ? dirs.configDir : dirs.stateDir;
    return { folder, dir, fresh: join(dirname(dir), `.${basename(dir)}.restore-${tag}`), done: false };
  });
  let step = 'extract';
  try {
    for (const s of swaps) {
      await mkdir(dirname(s.dir), { recursive: true, mode: 0o755 }); // a first restore onto a fresh machine
      await build(s.folder, s.fresh, b);
    }
    for (const s of swaps) {
      step = `swap ${s.folder}`;
      if (await exists(s.dir)) {
        s.aside = join(dirname(s.dir), `.${basename(s.dir)}.before-restore-${tag}`);
        await rename(s.dir, s.aside);
      }
      o.beforeSwap?.(s.folder);
      await rename(s.fresh, s.dir);
      s.done = true;
    }
  } catch (e) {
    await rollBack(swaps);
    throw codedError('ER_8124', { step, reason: reasonOf(e) }, {}, e);
  }
  for (const d of new Set(swaps.map((s) => dirname(s.dir)))) await syncFolder(d);
  // The backups stay where they were (the archive just read may be one of them).
  const state = swaps[1]!;
  if (state.aside && (await exists(join(state.aside, BACKUPS_DIR)))) {
    await rename(join(state.aside, BACKUPS_DIR), join(state.dir, BACKUPS_DIR));
    await syncFolder(state.dir);
  }
  for (const s of swaps) {
    if (!s.aside) continue;
    await rm(s.aside, { recursive: true, force: true }).catch((e: unknown) => o.log?.(problem('ER_8126', { path: s.aside!, reason: reasonOf(e) })));
  }
  const m = b.manifest;
  o.log?.(
    problem('ER_8125', {
      file,
      config: dirs.configDir,
      state: dirs.stateDir,
      createdAt: m.createdAt,
      host: m.host,
      version: m.version,
      reason: m.reason || '-',
    }),
  );
  return m;
}

/** Whether version `a` is newer than `b` (major.minor.patch; a pre-release counts as its release). */
export function newerVersion(a: string, b: string): boolean {
  const parts = (v: string): number[] =>
    v
      .split(/[.+-]/)
      .slice(0, 3)
      .map((x) => Number.parseInt(x, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/** Back as it was: every new folder out, every set-aside folder in, the half-built ones removed. */
async function rollBack(swaps: Swap[]): Promise<void> {
  for (const s of [...swaps].reverse()) {
    if (s.done) await rename(s.dir, s.fresh).catch(() => undefined);
    if (s.aside && !(await exists(s.dir).catch(() => true))) await rename(s.aside, s.dir).catch(() => undefined);
    await rm(s.fresh, { recursive: true, force: true }).catch(() => undefined);
  }
}
