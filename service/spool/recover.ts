/**
 * Startup of the spool after any stop, a crash included: stray temp files go, files that cannot be trusted are set
 * aside, and a report left in two folders by an interrupted move is settled.
 */
import { readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { parseRecord, type Folder, type SpoolRecord } from './record.js';

/** writeFileAtomic's temp files (`.<name>.<pid>.<random>.tmp`): left behind only by a crash mid-write. */
const TEMP = /^\..+\.tmp$/;

/** Files read at once at start-up: a grown spool (100,000 files) is read in parallel, not one round trip after another. */
const READ_AHEAD = 64;

export async function loadFolder(dir: string, folder: Folder, corruptDir: string, now: () => Date, log: LogSink): Promise<Map<string, SpoolRecord>> {
  const out = new Map<string, SpoolRecord>();
  const files: string[] = [];
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    if (!ent.isFile()) continue;
    if (TEMP.test(ent.name)) await unlink(join(dir, ent.name)).catch(() => undefined);
    else if (ent.name.endsWith('.json')) files.push(ent.name);
  }
  const read = async (name: string): Promise<SpoolRecord | string> => {
    const path = join(dir, name);
    try {
      return parseRecord(await readFile(path, 'utf8'), name.slice(0, -'.json'.length), path);
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
  return out;
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
