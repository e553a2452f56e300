/**
 * Startup of the spool after any stop, a crash included: stray temp files go, files that cannot be trusted are set
 * aside, and a report left in two folders by an interrupted move is settled.
 */
import { readFile as readFileCallback } from 'node:fs';
import { lstat, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { parseRecord, type Folder, type SpoolRecord } from './record.js';

/** writeFileAtomic's temp files (`.<name>.<pid>.<random>.tmp`): left behind only by a crash mid-write. */
const TEMP = /^\..+\.tmp$/;

/**
 * The callback readFile: at start-up a grown spool reads 100,000 files, and the promise version (open, fstat, read and
 * close each a separate round trip) took about twice as long per small file here.
 */
const readText = (path: string): Promise<string> =>
  new Promise((resolve, reject) => readFileCallback(path, 'utf8', (e, text) => (e ? reject(e) : resolve(text))));

/** Files read at once at start-up: a grown spool (100,000 files) is read in parallel, not one round trip after another. */
const READ_AHEAD = 64;

/** What loadFolder found: the records read, and the ids of the files it left unread (older than the newest `keep`), newest first. */
export interface Loaded {
  records: Map<string, SpoolRecord>;
  unread: string[];
}

/**
 * Reads the folder's records. With `keep` (sent/ and expired/, pruned to their newest anyway), only the files written
 * last are read: each is stat'ed, and those older than the `keep`-th newest (by mtime: written once, when the report was
 * sent or expired) are
 * only named in `unread`, so a grown sent/ costs a stat per file, not a read and a parse. Files sharing the boundary's
 * mtime are all read (the caller orders them by sentAt).
 */
export async function loadFolder(dir: string, folder: Folder, corruptDir: string, now: () => Date, log: LogSink, keep = Infinity): Promise<Loaded> {
  const out = new Map<string, SpoolRecord>();
  let files: string[] = [];
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    if (!ent.isFile()) continue;
    if (TEMP.test(ent.name)) await unlink(join(dir, ent.name)).catch(() => undefined);
    else if (ent.name.endsWith('.json')) files.push(ent.name);
  }
  let unread: string[] = [];
  if (files.length > keep) ({ newest: files, older: unread } = await newestFiles(dir, files, keep));
  const read = async (name: string): Promise<SpoolRecord | string> => {
    const path = join(dir, name);
    try {
      return parseRecord(await readText(path), name.slice(0, -'.json'.length), path);
    } catch (e) {
      if (isCodedError(e, 'ER_8101')) throw e; // a newer program's record: refused, never set aside
      return reasonOf(e);
    }
  };
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const names = files.slice(i, i + READ_AHEAD);
    const parsed = await Promise.all(names.map(read));
    for (const [j, p] of parsed.entries()) {
      if (typeof p !== 'string') out.set(p.report.id, p);
      else await setAside(join(dir, names[j]!), join(corruptDir, `${folder}-${now().getTime()}-${names[j]!}`), p, log);
    }
  }
  return { records: out, unread: unread.map((n) => n.slice(0, -'.json'.length)) };
}

/** Splits `files` by mtime: the newest `keep` (and any sharing the boundary's mtime), and the older rest. */
async function newestFiles(dir: string, files: string[], keep: number): Promise<{ newest: string[]; older: string[] }> {
  const times: Array<{ name: string; t: number }> = [];
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const names = files.slice(i, i + READ_AHEAD);
    // a file that cannot be stat'ed is read (and set aside if it cannot be read either): never dropped unseen
    const st = await Promise.all(
      names.map((n) =>
        lstat(join(dir, n)).then(
          (s) => s.mtimeMs,
          () => Number.MAX_SAFE_INTEGER,
        ),
      ),
    );
    names.forEach((name, j) => times.push({ name, t: st[j]! }));
  }
  times.sort((a, b) => b.t - a.t);
  const boundary = keep > 0 ? times[keep - 1]!.t : Infinity;
  const found = times.findIndex((x) => x.t < boundary);
  const cut = found < 0 ? times.length : found;
  return { newest: times.slice(0, cut).map((x) => x.name), older: times.slice(cut).map((x) => x.name) };
}

/** A file we cannot trust is kept for a person to look at, never deleted and never allowed to stop the service. */
async function setAside(path: string, moved: string, reason: string, log: LogSink): Promise<void> {
  try {
    await rename(path, moved);
    log(logEntry('ER_1050', { path, moved, reason }));
  } catch (e) {
    log(logEntry('ER_1050', { path, moved: '-', reason: `${reason}; ${reasonOf(e)}` }));
  }
}

/**
 * sent beats expired beats pending: the later state of an interrupted move wins, so a crash between "write the new
 * copy" and "remove the old one" never sends a report twice nor loses one. Returns what to remove from where.
 */
export function settleDoubles(records: Record<Folder, Map<string, SpoolRecord>>): Array<{ id: string; kept: Folder; removed: Folder }> {
  const order: Array<[Folder, Folder]> = [
    ['sent', 'expired'],
    ['sent', 'pending'],
    ['expired', 'pending'],
  ];
  const out: Array<{ id: string; kept: Folder; removed: Folder }> = [];
  for (const [kept, removed] of order) {
    for (const id of [...records[removed].keys()]) {
      if (!records[kept].has(id)) continue;
      records[removed].delete(id);
      out.push({ id, kept, removed });
    }
  }
  return out;
}
