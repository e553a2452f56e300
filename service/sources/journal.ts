/**
 * The systemd journal, read through `journalctl -f -o json` (no shell; the command path is configurable). Each entry
 * becomes an event by the mapping of event-id.ts. Where journalctl is missing or no journal can be read (a container,
 * a user outside the systemd-journal group), the source says so once (ER_6400) and stays idle: no restart loop.
 * A reader that dies is restarted after a backoff and continues after the last entry it delivered (--after-cursor),
 * so nothing is lost or told twice across a restart.
 */
import { execFile } from 'node:child_process';
import { problem } from '../../shared/messages/problem.js';
import { type BackoffOptions } from './backoff.js';
import { handOver, type EventSource, type IncomingEvent, type SourceOptions } from './event-source.js';
import { parseJournalLine } from './journal-entry.js';
import { SkippedLines } from './skipped-lines.js';
import { SupervisedReader } from './supervised-reader.js';

export interface JournalOptions extends SourceOptions {
  /** journalctl, found on PATH unless a path is given. */
  command?: string;
  env?: Readonly<Record<string, string>>;
  backoff?: BackoffOptions;
}

const PROBE_TIMEOUT_MS = 15_000;

/** Why the journal cannot be read, or undefined when it can (journalctl shows at least one entry). */
export function probeJournal(command: string, env?: Readonly<Record<string, string>>): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      command,
      ['-n', '1', '-o', 'json', '-q', '--no-pager'],
      {
        timeout: PROBE_TIMEOUT_MS,
        env: env ? { ...process.env, ...env } : process.env,
      },
      (err, stdout, stderr) => {
        const said = String(stderr).trim().split('\n').pop();
        if (err) {
          const code = (err as NodeJS.ErrnoException).code;
          resolve(code === 'ENOENT' ? `${command} not found` : said || err.message);
        } else if (
          !String(stdout)
            .split('\n')
            .some((l) => parseJournalLine(l))
        ) {
          resolve(said || `${command} shows no journal entry (no journal files, or this user may not read them)`);
        } else resolve(undefined);
      },
    );
  });
}

export class JournalSource implements EventSource {
  private reader: SupervisedReader | undefined;
  private skipped: SkippedLines | undefined;

  constructor(private readonly o: JournalOptions) {}

  async start(onEvent: (e: IncomingEvent) => void): Promise<void> {
    const command = this.o.command ?? 'journalctl';
    const unreadable = await probeJournal(command, this.o.env);
    if (unreadable !== undefined) {
      this.o.onProblem(problem('ER_6400', { reason: unreadable }));
      return;
    }
    const skipped = new SkippedLines('journalctl', this.o.onProblem);
    this.skipped = skipped;
    const since = `@${Math.floor(Date.now() / 1000)}`;
    let cursor: string | undefined;
    let first = true;
    this.reader = new SupervisedReader({
      command,
      args: () => {
        // The first run starts now; a restart continues after the last entry seen (or from our start, if none was).
        const from = cursor ? ['--after-cursor', cursor] : ['--since', first ? 'now' : since];
        first = false;
        // --all: without it journalctl's JSON gives null for a field over 4096 bytes (a long kernel message).
        return ['-f', '-o', 'json', '--all', '-q', '--no-pager', ...from];
      },
      onLine: (line) => {
        if (!line.trim()) return;
        const entry = parseJournalLine(line);
        if (!entry) return skipped.skip(line);
        if (entry.cursor) cursor = entry.cursor;
        handOver(onEvent, entry.event, 'journalctl', this.o.onProblem);
      },
      onProblem: this.o.onProblem,
      ...(this.o.env ? { env: this.o.env } : {}),
      ...(this.o.backoff ? { backoff: this.o.backoff } : {}),
    });
    this.reader.start();
    this.o.onProblem(problem('ER_6402', { source: `systemd journal (${command})` }));
  }

  async stop(): Promise<void> {
    await this.reader?.stop();
    this.reader = undefined;
    this.skipped?.flush();
  }
}
