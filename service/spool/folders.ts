/** The spool's folders under the state folder, and the one file of a report in each. */
import { join } from 'node:path';
import { realWriteFs } from './group-write.js';
import { type Folder } from './record.js';

export const FOLDERS: readonly Folder[] = ['pending', 'sent', 'expired'];
export const DIR_NAME: Record<Folder, string> = { pending: 'spool', sent: 'sent', expired: 'expired' };

/** The folders a report ends in, each kept to its newest (finished.ts, retention.ts). */
export type Kept = 'sent' | 'expired';

export type SpoolDirs = Readonly<Record<Folder | 'corrupt', string>>;

export function spoolDirs(stateDir: string): SpoolDirs {
  const d = (f: Folder) => join(stateDir, DIR_NAME[f]);
  return { pending: d('pending'), sent: d('sent'), expired: d('expired'), corrupt: join(d('pending'), 'corrupt') };
}

export const recordPath = (dirs: SpoolDirs, folder: Folder, id: string): string => join(dirs[folder], `${id}.json`);

/** Removes a report's file; a failure leaves a leftover, which the next open() settles. */
export async function removeRecord(dirs: SpoolDirs, folder: Folder, id: string): Promise<void> {
  await realWriteFs.unlink(recordPath(dirs, folder, id)).catch(() => undefined);
}

/** Removes many files, 64 at a time (a grown folder is not unlinked one round trip after another). */
export async function removeRecords(dirs: SpoolDirs, folder: Folder, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 64) await Promise.all(ids.slice(i, i + 64).map((id) => removeRecord(dirs, folder, id)));
}
