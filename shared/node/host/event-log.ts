/**
 * What the app did, for the event panel: the last 1000 entries in memory, appended to `<state>/app-events.jsonl` so a
 * restart shows the history. The file is trimmed back to the last 1000 lines when it grows past twice that.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type EventEntry } from '../../host/api.js';
import { type LocalizedText } from '../../messages/text.js';
import { message } from '../../messages/problem.js';
import { writeFileAtomic } from '../atomic-write.js';
import { reasonOf } from '../coded-error.js';

export const EVENT_LOG_LIMIT = 1000;

export class EventLog {
  private entries: EventEntry[] = [];
  private lines = 0;
  /** The file refused a write: said once in the panel; each later entry tries again. */
  private unwritable = false;

  private constructor(private readonly path: string) {}

  static async open(path: string): Promise<EventLog> {
    const log = new EventLog(path);
    await mkdir(dirname(path), { recursive: true }); // once, not on every entry
    const text = await readFile(path, 'utf8').catch(() => '');
    const parsed = text
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as EventEntry];
        } catch {
          return []; // a torn last line after a crash is skipped, not fatal
        }
      });
    log.lines = parsed.length;
    log.entries = parsed.slice(-EVENT_LOG_LIMIT);
    return log;
  }

  list(): EventEntry[] {
    return [...this.entries];
  }

  /**
   * A full or read-only state disk must not turn the operation being logged (a save that succeeded, the service's own
   * coded refusal) into an unexpected error: the entry stays in memory and the failure is said once (ER_9100).
   */
  async add(level: EventEntry['level'], text: LocalizedText, code?: string): Promise<void> {
    const e: EventEntry = { at: new Date().toISOString(), level, text, ...(code ? { code } : {}) };
    this.remember(e);
    try {
      if (++this.lines > 2 * EVENT_LOG_LIMIT) {
        await writeFileAtomic(this.path, this.entries.map((x) => JSON.stringify(x)).join('\n') + '\n', { mode: 0o600 });
        this.lines = this.entries.length;
      } else {
        await appendFile(this.path, `${JSON.stringify(e)}\n`, { mode: 0o600 });
      }
      this.unwritable = false;
    } catch (err) {
      if (this.unwritable) return;
      this.unwritable = true;
      this.remember({ at: e.at, level: 'warning', text: message('ER_9100', { path: this.path, reason: reasonOf(err) }), code: 'ER_9100' });
    }
  }

  private remember(e: EventEntry): void {
    this.entries.push(e);
    if (this.entries.length > EVENT_LOG_LIMIT) this.entries.shift();
  }
}
