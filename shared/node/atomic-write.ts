/**
 * Crash-safe file replacement: readers (the service, the Windows tools) see either the old file or the new one, never a
 * half-written one, and a failure leaves what was saved before untouched (ER_1002 promises exactly that).
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { link, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { codedError, errnoCode, reasonOf } from './coded-error.js';

export interface WriteOptions {
  /** Mode of a new file (default 0o644). An existing file keeps its own mode, unless `forceMode`. */
  mode?: number;
  /**
   * The file (and its `.bak`) gets exactly `mode` whatever the existing file's mode, so a file holding personal data or
   * a sealed secret that was left wider (0644) is tightened by its next write. The temp file is created with that mode,
   * so the data is never readable by others, not even for the moment before the rename.
   */
  forceMode?: boolean;
  /**
   * When running as root: the new file (and its `.bak`) keeps the owner of the file it replaces, or takes the folder's
   * owner when it is new. A root `config set` in a user's config folder must leave files that user can still read and
   * write; with 0600 files a root-owned result would shut the user's settings window out. (Others cannot chown: no-op.)
   */
  keepOwner?: boolean;
  /** Keep the previous version as `<name>.bak` (one generation: an older .bak is replaced). */
  backup?: boolean;
  /**
   * Create only: fail (ER_1002, cause with code EEXIST) if the target exists, instead of replacing it. Uses a hard
   * link, which is atomic and never overwrites, so two processes racing to create the same file cannot both win.
   */
  exclusive?: boolean;
  /** @internal Tests inject a failure here (after the temp file and any backup are written, before the rename). */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

const DEFAULT_MODE = 0o644;

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

interface Owner {
  uid: number;
  gid: number;
}

/** Write a fresh temp file next to `path` and flush it to disk; returns its name. Removes it again on failure. */
async function writeTemp(path: string, data: Uint8Array | string, mode: number, owner?: Owner): Promise<string> {
  const temp = tempPathFor(path);
  // 'wx': never follow or reuse something already there under our unique name.
  const fh = await open(temp, 'wx', mode);
  try {
    try {
      await fh.writeFile(data);
      await fh.chmod(mode); // open()'s mode is filtered by the umask; the kept/requested mode must be exact.
      if (owner) await fh.chown(owner.uid, owner.gid);
      await fh.sync();
    } finally {
      await fh.close(); // not quietly: a network file system may report a failed write only here
    }
  } catch (e) {
    await removeQuietly(temp);
    throw e;
  }
  return temp;
}

/** Make the renames in `dir` durable. Some platforms and file systems cannot fsync a folder; that is not an error. */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, constants.O_RDONLY);
    await fh.sync();
  } catch (e) {
    const code = errnoCode(e);
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EACCES') throw e;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * Makes a whole folder durable before it is renamed into place (a folder built beside its place): every file and every
 * folder below it fsync'd, so after a crash the renamed folder never holds a file the disk has not got.
 */
export async function syncTree(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) await syncTree(path);
    else if (e.isFile()) {
      const fh = await open(path, constants.O_RDONLY);
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
  }
  await syncDir(dir);
}

/** After renames in `dir` (syncDir, for callers outside this module). */
export const syncFolder = (dir: string): Promise<void> => syncDir(dir);

async function existing(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/** Copy the current file to `<path>.bak` the same crash-safe way, so a crash never leaves a torn backup. */
async function backupFile(path: string, mode: number, owner?: Owner): Promise<void> {
  const temp = await writeTemp(path + '.bak', await readFile(path), mode, owner);
  try {
    await rename(temp, path + '.bak');
  } catch (e) {
    await removeQuietly(temp);
    throw e;
  }
}

const ownerOf = (st: Stats): Owner => ({ uid: st.uid, gid: st.gid });

/**
 * Replace (or create) `path` with `data` (a string is written as UTF-8; encode first with encodeText() for CP932).
 * The folder must exist. Throws CodedError ER_1002 naming the path and the reason; on failure no temp file is left
 * and the previous file is as it was (with `backup`, `.bak` may already hold a copy of it).
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, opts: WriteOptions = {}): Promise<void> {
  let temp: string | undefined;
  try {
    const previous = await existing(path);
    const mode = opts.forceMode ? (opts.mode ?? DEFAULT_MODE) : previous ? previous.mode & 0o7777 : (opts.mode ?? DEFAULT_MODE);
    const owner = opts.keepOwner && process.geteuid?.() === 0 ? ownerOf(previous ?? (await stat(dirname(path)))) : undefined;
    temp = await writeTemp(path, data, mode, owner);
    if (opts.backup && previous !== undefined && !opts.exclusive) await backupFile(path, opts.forceMode ? mode : previous.mode & 0o7777, owner);
    await opts.beforeRename?.(temp);
    if (opts.exclusive) {
      await link(temp, path);
      await removeQuietly(temp); // the target is complete already; a stray temp is only untidy
    } else {
      await rename(temp, path);
    }
    temp = undefined;
    await syncDir(dirname(path));
  } catch (e) {
    if (temp !== undefined) await removeQuietly(temp);
    throw codedError('ER_1002', { path, reason: reasonOf(e) }, {}, e);
  }
}

/** The file's bytes, or undefined if there is no such file. Other failures throw CodedError ER_1001. */
export async function readFileIfExists(path: string): Promise<Uint8Array | undefined> {
  try {
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw codedError('ER_1001', { path, reason: reasonOf(e) }, {}, e);
  }
}
