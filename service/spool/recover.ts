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

export async function loadFolder(dir: string, folder: Folder, corruptDir: string, now: () => Date, log: LogSink): Promise<Map<string, SpoolRecord>> {
  const out = new Map<string, SpoolRecord>();
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    if (!ent.isFile()) continue;
    const path = join(dir, ent.name);
    if (TEMP.test(ent.name)) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (!ent.name.endsWith('.json')) continue;
    let parsed: SpoolRecord | string;
    try {
      parsed = parseRecord(await readFile(path, 'utf8'), ent.name.slice(0, -'.json'.length), path);
    } catch (e) {
      if (isCodedError(e, 'ER_8101')) throw e; // a newer program's record: refused, never set aside
      parsed = reasonOf(e);
    }
    if (typeof parsed !== 'string') out.set(parsed.report.id, parsed);
    else await setAside(path, join(corruptDir, `${folder}-${now().getTime()}-${ent.name}`), parsed, log);
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
