/**
 * Format versions of the two folders and of what the service writes in state (docs/backup.md "Formats"). Format 1 is
 * what 0.1.0 wrote (no stamp, no field); format 2 adds the folder stamp `format.json`, a `"format": 2` field in every
 * JSON record and a header line in the appended logs. The stamp decides whether a folder is refused or migrated; a
 * record or log of a newer format is refused too (ER_8101), never set aside as corrupt: a newer program wrote it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { codedError, errnoCode, reasonOf } from '../coded-error.js';

/** The format this program writes, and the newest it reads. */
export const CURRENT_FORMAT = 2;
export const FORMAT_FILE = 'format.json';
export type FolderKind = 'config' | 'state';

/** The stamp's mode: the state folder is private, the config folder's non-secret files are 0644. */
const STAMP_MODE: Record<FolderKind, number> = { state: 0o600, config: 0o644 };

export interface FolderFormat {
  format: number;
  writtenBy?: string;
}

/** What a newer program wrote: refused with what to do (install that version, or restore a backup of this one). */
export const newerFormat = (path: string, format: number): Error => codedError('ER_8101', { path, format, known: CURRENT_FORMAT });

/** The folder's format: its stamp, or 1 when there is none (0.1.0 wrote none). A stamp that does not parse is ER_8102. */
export async function readFolderFormat(dir: string): Promise<FolderFormat> {
  const path = join(dir, FORMAT_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { format: 1 };
    throw codedError('ER_8102', { path, reason: reasonOf(e) }, {}, e);
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw codedError('ER_8102', { path, reason: reasonOf(e) }, {}, e);
  }
  const o = v as Partial<FolderFormat> | null;
  if (typeof o !== 'object' || o === null || !Number.isInteger(o.format) || (o.format as number) < 1)
    throw codedError('ER_8102', { path, reason: 'no integer "format"' });
  return { format: o.format as number, ...(typeof o.writtenBy === 'string' ? { writtenBy: o.writtenBy } : {}) };
}

/** Throws ER_8101 when the folder is newer than this program; returns its format. */
export async function checkFolderFormat(dir: string): Promise<number> {
  const f = await readFolderFormat(dir);
  if (f.format > CURRENT_FORMAT) throw newerFormat(join(dir, FORMAT_FILE), f.format);
  return f.format;
}

export async function writeFolderStamp(dir: string, kind: FolderKind, version: string, format: number = CURRENT_FORMAT): Promise<void> {
  await writeFileAtomic(join(dir, FORMAT_FILE), `${JSON.stringify({ format, writtenBy: version })}\n`, {
    mode: STAMP_MODE[kind],
    forceMode: true,
    keepOwner: true,
  });
}

/** A JSON record's format (1 without the field); a newer one throws ER_8101 naming `path`. */
export function recordFormat(json: unknown, path: string): number {
  const f = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  const n = typeof f === 'number' && Number.isInteger(f) && f >= 1 ? f : 1;
  if (n > CURRENT_FORMAT) throw newerFormat(path, n);
  return n;
}

/** The record as written now: the format first, then its own fields. */
export function stamped<T extends object>(record: T): T & { format: number } {
  const { format: _old, ...rest } = record as T & { format?: unknown };
  return { format: CURRENT_FORMAT, ...(rest as T) };
}

/** The first line of a line-based log (seen.log, intent.log): readers skip `#` lines; a newer one is refused. */
export const logHeader = (what: string): string => `# express-report ${what} format ${CURRENT_FORMAT}\n`;
const HEADER = /^# express-report \S+ format (\d+)$/;

/** For a `#` line of a log: throws ER_8101 when it names a newer format. */
export function checkLogHeader(line: string, path: string): void {
  const m = HEADER.exec(line);
  if (m && Number(m[1]) > CURRENT_FORMAT) throw newerFormat(path, Number(m[1]));
}
