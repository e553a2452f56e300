/**
 * Which OS event sources the service runs here (docs/event-sources.md):
 *   Linux: the systemd journal when it can be read; else the first syslog file that exists (/var/log/syslog on
 *     Debian and Ubuntu, /var/log/messages on RHEL and SUSE). Never both by default: rsyslog copies the journal into
 *     those files, so every event would be reported twice. Named `syslogFiles` are followed in addition.
 *   Windows: none yet (the Event Log source is designed, its parser is windows-eventlog.ts).
 *   Other systems: none; events still come through the local API and the drop folder.
 */
import { access } from 'node:fs/promises';
import { type CatchUpOptions } from './catch-up.js';
import { type EventSource, type SourceOptions } from './event-source.js';
import { JournalSource, probeJournal } from './journal.js';
import { SyslogFileSource } from './syslog-file.js';

export interface PlatformSourcesOptions extends SourceOptions, CatchUpOptions {
  platform?: NodeJS.Platform;
  /** journalctl's path (default: found on PATH). */
  journalctl?: string;
  /** Syslog files to follow as well as the journal (or instead, when there is no journal). */
  syslogFiles?: readonly string[];
  /** Where to look for a syslog file when the journal cannot be read. */
  fallbackFiles?: readonly string[];
  env?: Readonly<Record<string, string>>;
  /** Where the sources keep where they stopped (the service's <state>/sources/; position-store.ts). */
  positions?: string;
}

export const FALLBACK_SYSLOG_FILES = ['/var/log/syslog', '/var/log/messages'] as const;

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

export async function platformSources(o: PlatformSourcesOptions): Promise<EventSource[]> {
  if ((o.platform ?? process.platform) !== 'linux') return [];
  const command = o.journalctl ?? 'journalctl';
  const env = o.env ? { env: o.env } : {};
  // Where each source resumes after a stop, and how far back it may read.
  const resume = { ...(o.positions ? { positions: o.positions } : {}), catchUpHours: o.catchUpHours, catchUpBytes: o.catchUpBytes };
  // Always there: without a readable journal it says so once (ER_6400) and stays idle.
  const journal = new JournalSource({ command, onProblem: o.onProblem, ...env, ...resume });
  let files = o.syslogFiles ?? [];
  if (files.length === 0 && (await probeJournal(command, o.env)) !== undefined) {
    for (const path of o.fallbackFiles ?? FALLBACK_SYSLOG_FILES) {
      if (await exists(path)) {
        files = [path];
        break;
      }
    }
  }
  return [journal, ...files.map((path) => new SyslogFileSource({ path, onProblem: o.onProblem, ...resume }))];
}
