/**
 * The files a list of LogFile paths stands for, one at a time (an async generator: only the folders on the current
 * path are listed in memory, nothing is opened). A folder is taken whole, sub-folders included, in name order so the
 * same logs give the same archive. Folders themselves are never yielded: an empty folder leaves no trace.
 * A symbolic link to a file is followed (log folders often link the current log) only when root (or the service's own
 * user) made the link or the link's owner also owns its target, as the kernel's protected_symlinks rule: otherwise a
 * user who may write into a log folder could make the root service read and send any file (`ln -s /etc/shadow x.log`).
 * A link to a folder is not followed (it could loop or leave the folder). FIFOs, sockets and devices are skipped:
 * reading one could block or never end. Each entry keeps the device and inode it was listed with; zip-stream.ts opens
 * it only if it is still that file.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { type Dirent } from 'node:fs';
import { join } from 'node:path';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { errnoCode, reasonOf } from '../../shared/node/coded-error.js';
import { defaultTrustedUids } from './trust.js';

export interface LogFileEntry {
  /** Where to read it. */
  path: string;
  /** Its name in the archive (archiveName). */
  name: string;
  size: number;
  mtime: Date;
  /** The file as listed: opening must find this very file (a swap in between is refused). */
  dev: number;
  ino: number;
}

export type WalkItem = { kind: 'file'; file: LogFileEntry } | { kind: 'note'; note: Problem };

/**
 * The archive name of an absolute path: the path without its root, `/` separated, so support sees where each file
 * came from and two `x.log` in different folders cannot collide. `/var/log/x` -> `var/log/x`, `C:\x\y` -> `C/x/y`,
 * `\\srv\share\x` -> `srv/share/x`.
 */
export function archiveName(absolute: string): string {
  return absolute
    .replace(/\\/g, '/')
    .replace(/^([A-Za-z]):/, '$1')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/');
}

function kindOf(d: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): { ja: string; en: string } {
  if (d.isFIFO()) return { ja: '名前付きパイプ', en: 'a named pipe' };
  if (d.isSocket()) return { ja: 'ソケット', en: 'a socket' };
  if (d.isCharacterDevice() || d.isBlockDevice()) return { ja: 'デバイス', en: 'a device' };
  return { ja: '種類不明', en: 'an unknown kind' };
}
const LINK_TO_FOLDER = { ja: 'フォルダーへのシンボリックリンク', en: 'a symbolic link to a folder' };
const FOREIGN_LINK = { ja: '所有者の異なるファイルを指すシンボリックリンク', en: 'a symbolic link to a file its owner does not own' };

function fileItem(path: string, st: { size: number; mtime: Date; dev: number; ino: number }): WalkItem {
  return { kind: 'file', file: { path, name: archiveName(path), size: st.size, mtime: st.mtime, dev: st.dev, ino: st.ino } };
}

async function* folder(dir: string, trusted: ReadonlySet<number>): AsyncGenerator<WalkItem> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'note', note: problem('ER_1303', { path: dir, reason: reasonOf(e) }) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of entries) {
    const path = join(dir, d.name);
    if (d.isDirectory()) {
      yield* folder(path, trusted);
    } else if (d.isFile() || d.isSymbolicLink()) {
      yield* one(path, trusted); // a file now may be a link by the time it is looked at: checked as one
    } else {
      yield { kind: 'note', note: problem('ER_6311', { path, kind: kindOf(d) }) };
    }
  }
}

/**
 * A path named in the definition file (`linkOwners` undefined: the file is trusted, so are its paths), or an entry met
 * inside a folder (`linkOwners`: the uids whose links are followed whatever they point at).
 */
async function* one(path: string, linkOwners: ReadonlySet<number> | undefined, trusted: ReadonlySet<number> = new Set()): AsyncGenerator<WalkItem> {
  const inFolder = linkOwners !== undefined;
  try {
    const st = await stat(path);
    if (inFolder) {
      const l = await lstat(path);
      if (l.isSymbolicLink() && !linkOwners.has(l.uid) && l.uid !== st.uid) {
        yield { kind: 'note', note: problem('ER_6311', { path, kind: FOREIGN_LINK }) };
        return;
      }
    }
    if (st.isFile()) yield fileItem(path, st);
    else if (st.isDirectory() && inFolder) yield { kind: 'note', note: problem('ER_6311', { path, kind: LINK_TO_FOLDER }) };
    else if (st.isDirectory()) yield* folder(path, trusted);
    else yield { kind: 'note', note: problem('ER_6311', { path, kind: kindOf(st) }) };
  } catch (e) {
    const code = errnoCode(e);
    // A log that vanished between the listing and now (rotation) is missing, not broken.
    if (code === 'ENOENT' || code === 'ENOTDIR') yield { kind: 'note', note: problem('ER_6309', { path }) };
    else yield { kind: 'note', note: problem('ER_1301', { path, reason: reasonOf(e) }) };
  }
}

/**
 * Every file under `paths` (files or folders, in the given order); each path is taken once. `trustedUids`: whose links
 * inside the folders are followed whatever they point at (root and the service's own user by default).
 */
export async function* walkLogs(paths: readonly string[], trustedUids: readonly number[] = defaultTrustedUids()): AsyncGenerator<WalkItem> {
  const trusted = new Set(trustedUids);
  for (const p of new Set(paths)) yield* one(p, undefined, trusted);
}
