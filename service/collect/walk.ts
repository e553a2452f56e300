/**
 * The files a list of LogFile paths stands for, one at a time (an async generator: only the folders on the current
 * path are listed in memory, nothing is opened). A folder is taken whole, sub-folders included, in name order so the
 * same logs give the same archive. Folders themselves are never yielded: an empty folder leaves no trace.
 * A symbolic link to a file is followed (log folders often link the current log); a link to a folder is not (it could
 * loop or leave the folder). FIFOs, sockets and devices are skipped: reading one could block or never end.
 */
import { readdir, stat } from 'node:fs/promises';
import { type Dirent } from 'node:fs';
import { join } from 'node:path';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { errnoCode, reasonOf } from '../../shared/node/coded-error.js';

export interface LogFileEntry {
  /** Where to read it. */
  path: string;
  /** Its name in the archive (archiveName). */
  name: string;
  size: number;
  mtime: Date;
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

function fileItem(path: string, st: { size: number; mtime: Date }): WalkItem {
  return { kind: 'file', file: { path, name: archiveName(path), size: st.size, mtime: st.mtime } };
}

async function* folder(dir: string): AsyncGenerator<WalkItem> {
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
      yield* folder(path);
    } else if (d.isFile() || d.isSymbolicLink()) {
      yield* one(path, d.isSymbolicLink());
    } else {
      yield { kind: 'note', note: problem('ER_6311', { path, kind: kindOf(d) }) };
    }
  }
}

/** A file, or a link met inside a folder (followed only to a file). */
async function* one(path: string, link: boolean): AsyncGenerator<WalkItem> {
  try {
    const st = await stat(path);
    if (st.isFile()) yield fileItem(path, st);
    else if (st.isDirectory() && link) yield { kind: 'note', note: problem('ER_6311', { path, kind: LINK_TO_FOLDER }) };
    else if (st.isDirectory()) yield* folder(path);
    else yield { kind: 'note', note: problem('ER_6311', { path, kind: kindOf(st) }) };
  } catch (e) {
    const code = errnoCode(e);
    // A log that vanished between the listing and now (rotation) is missing, not broken.
    if (code === 'ENOENT' || code === 'ENOTDIR') yield { kind: 'note', note: problem('ER_6309', { path }) };
    else yield { kind: 'note', note: problem('ER_1301', { path, reason: reasonOf(e) }) };
  }
}

/** Every file under `paths` (files or folders, in the given order); each path is taken once. */
export async function* walkLogs(paths: readonly string[]): AsyncGenerator<WalkItem> {
  for (const p of new Set(paths)) yield* one(p, false);
}
