/**
 * One line of `journalctl -o json`: an object of journal fields, all values strings, except that a value that is not
 * valid UTF-8 text comes as an array of byte values, a field present several times as an array of values, and a field
 * too long to show (over 4096 bytes without --all) as null.
 */
import { toEvent } from './event-id.js';
import { type IncomingEvent } from './event-source.js';

const utf8 = new TextDecoder('utf-8');

const isBytes = (v: unknown[]): v is number[] => v.every((b) => typeof b === 'number');

/** A field as text: bytes decoded as UTF-8 (bad sequences become U+FFFD); of several values, the first. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return isBytes(v) ? utf8.decode(Uint8Array.from(v)) : text(v[0]);
  return undefined;
}

export interface JournalEntry {
  event: IncomingEvent;
  /** Where this entry is in the journal: a restarted reader continues after it. */
  cursor?: string;
}

/** The event of a journal line, or undefined when the line is not a journal entry. */
export function parseJournalLine(line: string): JournalEntry | undefined {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  const f = o as Record<string, unknown>;
  const priority = text(f.PRIORITY);
  const micros = text(f.__REALTIME_TIMESTAMP);
  const event = toEvent({
    source: text(f.SYSLOG_IDENTIFIER) || text(f._COMM) || 'unknown',
    message: text(f.MESSAGE) ?? '',
    ...(priority !== undefined && /^[0-7]$/.test(priority) ? { priority: Number(priority) } : {}),
    // Microseconds since the epoch: well inside a double's exact range.
    ...(micros !== undefined && /^\d+$/.test(micros) ? { time: new Date(Math.floor(Number(micros) / 1000)) } : {}),
  });
  const cursor = text(f.__CURSOR);
  return { event, ...(cursor ? { cursor } : {}) };
}
