/**
 * The systemd journal, read through `journalctl -f -o json` (no shell; the command path is configurable). Each entry
 * becomes an event by the mapping of event-id.ts. Where journalctl is missing or no journal can be read (a container,
 * a user outside the systemd-journal group), the source says so once (ER_6400) and stays idle: no restart loop.
 * A reader that dies is restarted after a backoff and continues after the last entry it delivered (--after-cursor),
 * so nothing is lost or told twice across a restart. With `positions` (the service's <state>/sources/) the cursor of
 * the last accepted entry is kept there (position-store.ts), so a service restart continues after it too (an entry
 * logged while the service was stopped is reported); with none saved the first run starts now. A saved entry older
 * than the retry limit resumes `--since` that limit instead (ER_9214; catch-up.ts): journalctl takes only one of
 * --since and --after-cursor.
 */
import { execFile } from 'node:child_process';
import { problem } from '../../shared/messages/problem.js';
import { type BackoffOptions } from './backoff.js';
import { catchUpHours, cursorTime, type CatchUpOptions } from './catch-up.js';
import { handOver, type EventSource, type IncomingEvent, type SourceOptions } from './event-source.js';
import { parseJournalLine } from './journal-entry.js';
import { PositionStore, positionFile } from './position-store.js';
import { SkippedLines } from './skipped-lines.js';
import { SupervisedReader } from './supervised-reader.js';

export interface JournalOptions extends SourceOptions, CatchUpOptions {
  /** journalctl, found on PATH unless a path is given. */
  command?: string;
  env?: Readonly<Record<string, string>>;
  backoff?: BackoffOptions;
  /** Folder of saved positions; without it every start begins now. */
  positions?: string;
}

interface JournalPosition {
  cursor: string;
}

const isJournalPosition = (v: Record<string, unknown>): v is Record<string, unknown> & JournalPosition => typeof v.cursor === 'string' && v.cursor.length > 0;

/** journalctl's arguments for one follow run: after `cursor` when there is one, else from `since`. */
export function journalArgs(cursor: string | undefined, since: string): string[] {
  // --all: without it journalctl's JSON gives null for a field over 4096 bytes (a long kernel message).
  return ['-f', '-o', 'json', '--all', '-q', '--no-pager', ...(cursor ? ['--after-cursor', cursor] : ['--since', since])];
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
  private readonly store: PositionStore<JournalPosition> | undefined;
  /** Cursors are kept in order, each once its entry was accepted. */
  private accepted: Promise<void> = Promise.resolve();

  constructor(private readonly o: JournalOptions) {
    this.store = o.positions ? new PositionStore(positionFile(o.positions, 'journal', o.command ?? 'journalctl'), o.onProblem) : undefined;
  }

  /** `onEvent` may return a promise of the event's acceptance (false or a rejection: not accepted). */
  async start(onEvent: (e: IncomingEvent) => unknown): Promise<void> {
    const command = this.o.command ?? 'journalctl';
    const unreadable = await probeJournal(command, this.o.env);
    if (unreadable !== undefined) {
      this.o.onProblem(problem('ER_6400', { reason: unreadable }));
      return;
    }
    const skipped = new SkippedLines('journalctl', this.o.onProblem);
    this.skipped = skipped;
    const now = Date.now();
    let since = `@${Math.floor(now / 1000)}`;
    let cursor = (await this.store?.load(isJournalPosition))?.cursor;
    let first: string | undefined = 'now';
    const savedAt = cursor === undefined ? undefined : cursorTime(cursor);
    const hours = catchUpHours(this.o);
    const bound = now - hours * 3_600_000;
    if (savedAt && savedAt.getTime() < bound) {
      // Until an entry comes, a restart starts at the bound too (not at our start: the entries between are owed).
      cursor = undefined;
      since = `@${Math.floor(bound / 1000)}`;
      first = since;
      const at = new Date(Math.floor(bound / 1000) * 1000).toISOString();
      this.o.onProblem(problem('ER_9214', { command, saved: savedAt.toISOString(), hours, since: at }));
    }
    let refused = false; // an entry not accepted: no later cursor is kept, a restart reads it again
    this.reader = new SupervisedReader({
      command,
      args: () => {
        // The first run starts now (or at the bound); a restart continues after the last entry seen (or from our
        // start, or the bound, if none was).
        const args = journalArgs(cursor, first ?? since);
        first = undefined;
        return args;
      },
      onLine: (line) => {
        if (!line.trim()) return;
        const entry = parseJournalLine(line);
        if (!entry) return skipped.skip(line);
        if (entry.cursor) cursor = entry.cursor;
        const outcome = handOver(onEvent, entry.event, 'journalctl', this.o.onProblem);
        const at = entry.cursor;
        const store = this.store;
        if (store && at)
          this.accepted = this.accepted.then(async () => {
            const ok = await Promise.resolve(outcome).then(
              (v) => v !== false,
              () => false,
            );
            if (!ok) refused = true;
            if (!refused) store.save({ cursor: at });
          });
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
    await this.accepted;
    await this.store?.flush();
  }
}
