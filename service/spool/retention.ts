/**
 * sent/ and expired/ bounded (docs/delivery.md "Spool layout"): the oldest beyond each folder's limit leave, disk and
 * memory. A delivered report needs no word; expired ones go with one coded line per batch (ER_8341): each was visible as
 * expired, the line says when it stopped being kept ("a report, once accepted, is delivered or visibly expired").
 */
import { logEntry, type LogSink } from '../common/log-entry.js';
import { type FinishedFolder } from './finished.js';
import { removeRecords, type Kept, type SpoolDirs } from './folders.js';
import { type SpoolRecord } from './record.js';

export class Retention {
  constructor(
    private readonly dirs: SpoolDirs,
    private readonly folders: Readonly<Record<Kept, FinishedFolder>>,
    private readonly log: LogSink,
    /** A record that left memory: what the spool keeps about it elsewhere (its age, the by-source index) goes too. */
    private readonly forget: (r: SpoolRecord) => void,
    /** Removes one file: the spool keeps it as a spare for its next write (group-write.ts). */
    private readonly remove: (folder: Kept, id: string) => Promise<void> = (folder, id) => removeRecords(dirs, folder, [id]),
  ) {}

  /** `unread`: the files open() removed without reading them (newest first; all older than what it read). */
  async prune(folder: Kept, unread: readonly string[] = []): Promise<void> {
    const gone = this.folders[folder].takeOverflow().map((r) => {
      this.forget(r);
      return r.report.id;
    });
    for (let i = 0; i < gone.length; i += 64) await Promise.all(gone.slice(i, i + 64).map((id) => this.remove(folder, id)));
    if (folder === 'sent') return;
    const all = [...[...unread].reverse(), ...gone];
    if (all.length === 0) return;
    this.log(logEntry('ER_8341', { count: all.length, oldest: all[0]!, newest: all.at(-1)!, keep: this.folders.expired.keep }));
  }
}
