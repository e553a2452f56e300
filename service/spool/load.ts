/**
 * open()'s one reading of the folders: every waiting report, and only the newest `keep` of sent/ and expired/ (older
 * files are named, not read, and removed); corrupt files set aside (recover.ts); a report left in two folders by an
 * interrupted move settled, the names of the unread files included.
 */
import { mkdir } from 'node:fs/promises';
import { logEntry, type LogSink } from '../common/log-entry.js';
import { DIR_NAME, FOLDERS, removeRecord, removeRecords, type Kept, type SpoolDirs } from './folders.js';
import { type Folder, type SpoolRecord } from './record.js';
import { loadFolder, settleDoubles } from './recover.js';

export interface LoadedSpool {
  records: Record<Folder, Map<string, SpoolRecord>>;
  /** The ids of the files older than the newest `keep`, removed unread, newest first. */
  unread: Record<Kept, string[]>;
  /** Folders read (each once). */
  readdirs: number;
}

export async function loadSpool(dirs: SpoolDirs, keep: Record<Kept, number>, now: () => Date, log: LogSink): Promise<LoadedSpool> {
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
  const records = { pending: new Map(), sent: new Map(), expired: new Map() } as Record<Folder, Map<string, SpoolRecord>>;
  const unread: Record<Kept, string[]> = { sent: [], expired: [] };
  let readdirs = 0;
  for (const f of FOLDERS) {
    readdirs++;
    const loaded = await loadFolder(dirs[f], f, dirs.corrupt, now, log, f === 'pending' ? Infinity : keep[f]);
    records[f] = loaded.records;
    if (f !== 'pending') unread[f] = loaded.unread;
  }
  const doubles = settleDoubles(records);
  // files too old to keep were not read: their names still settle a double (sent beats expired beats pending)
  for (const id of unread.sent) {
    for (const removed of ['expired', 'pending'] as const) if (records[removed].delete(id)) doubles.push({ id, kept: 'sent', removed });
  }
  unread.expired = unread.expired.filter((id) => {
    if (records.pending.delete(id)) doubles.push({ id, kept: 'expired', removed: 'pending' });
    if (!records.sent.has(id)) return true;
    doubles.push({ id, kept: 'sent', removed: 'expired' }); // its expired/ copy is a double, not an expired report let go
    return false;
  });
  for (const { id, kept, removed } of doubles) {
    await removeRecord(dirs, removed, id);
    log(logEntry('ER_6052', { id, kept: DIR_NAME[kept] + '/', removed: DIR_NAME[removed] + '/' }, id));
  }
  await removeRecords(dirs, 'sent', unread.sent);
  await removeRecords(dirs, 'expired', unread.expired);
  return { records, unread, readdirs };
}
