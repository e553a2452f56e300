/**
 * The service's log: `<state>/log/service.log`, one line per entry `ISO-time LEVEL CODE message` (English, so support
 * can grep it), also written to stderr. Messages come from the catalogue; secrets never reach it (only sealed values or
 * `(set)` exist outside the service's memory). Rotated to service.log.1 past 5 MB. Control characters are escaped, so
 * one entry is always one line.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, type Problem } from '../../shared/messages/problem.js';
import { printable } from '../../shared/messages/printable.js';
import { type LogEntry } from './log-entry.js';

const MAX = 5 * 1024 * 1024;

/**
 * One entry is one line: a control character in any part of it (a drop-file name with a newline, a peer's multi-line
 * reply, an ESC sequence, a bidi override) is written as a visible escape by the same rule as the terminal's
 * (shared/messages/printable.ts), applied to every entry (spool and loop entries and info lines too), so the writer
 * guarantees it whatever produced the text.
 */
export class ServiceLog {
  private chain: Promise<void> = Promise.resolve();
  /** Lines not yet taken by a write. */
  private waiting: string[] = [];
  constructor(
    private readonly dir: string,
    private readonly echo: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  ) {}

  problem(p: Problem): void {
    this.line(p.severity === 'warning' ? 'WARN' : p.code.startsWith('ER_6') ? 'INFO' : 'ERROR', formatProblem(p, 'en'));
  }

  info(text: string): void {
    this.line('INFO', text);
  }

  /** An entry of the spool and delivery loop (code, message, the report it is about). */
  entry(e: LogEntry): void {
    const level = e.level === 'error' ? 'ERROR' : e.level === 'warning' ? 'WARN' : 'INFO';
    this.line(level, `${e.code} ${e.message.en}${e.reportId ? ` [report ${e.reportId}]` : ''}`);
  }

  private line(level: string, text: string): void {
    const l = `${new Date().toISOString()} ${level} ${printable(text)}`;
    this.echo(l);
    // Lines that come while a write is on its way go out together in the next one (a burst of reports logs a line each).
    this.waiting.push(l);
    if (this.waiting.length > 1) return;
    this.chain = this.chain
      .then(async () => {
        const lines = this.waiting;
        this.waiting = [];
        await mkdir(this.dir, { recursive: true, mode: 0o700 }); // like every folder of the state folder
        const path = join(this.dir, 'service.log');
        const size = (await stat(path).catch(() => undefined))?.size ?? 0;
        if (size > MAX) await rename(path, `${path}.1`);
        await appendFile(path, `${lines.join('\n')}\n`, { mode: 0o600 });
      })
      .catch(() => undefined);
  }

  flush(): Promise<void> {
    return this.chain;
  }
}

/** `<state>/log/`: where service.log lives. */
export const serviceLogDir = (stateDir: string): string => join(stateDir, 'log');
