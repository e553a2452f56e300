/**
 * Linux logs have no 32-bit event ids; this maps a log line to the {source, id} our monitored-events list names
 * (docs/event-sources.md, "Event ids on Linux"). Shared by the journal and the syslog-file sources.
 *   source: the syslog identifier (SYSLOG_IDENTIFIER / the tag before `[pid]:`), else the command name.
 *   id: an explicit id written in the message, the first of
 *         `EventID=0xC0040006`   `ID=0xC0040006`   `[0xC0040006]`     (0x and exactly 8 hex digits, any case)
 *       else the Windows severity bits of the syslog priority, with code 0:
 *         0-3 (emerg, alert, crit, err) -> 0xC0000000   4 (warning) -> 0x80000000   5-7 (notice, info, debug) -> 0x40000000
 *         no priority known (a plain syslog file line) -> 0x00000000
 */
import { MAX_MESSAGE } from './event-source.js';
import { type IncomingEvent } from './event-source.js';

// `ID=` must not be the tail of another word (PID=, UID=), hence the boundary; `[...]` exactly, so `[0x1]` is not one.
const EXPLICIT = /(?:\b(?:EventID|ID)=0x([0-9a-f]{8})\b|\[0x([0-9a-f]{8})\])/i;

export const ERROR_ID = 0xc0000000;
export const WARNING_ID = 0x80000000;
export const INFORMATION_ID = 0x40000000;
export const NO_SEVERITY_ID = 0;

/** The explicit id in a message, if it names one. */
export function explicitId(message: string): number | undefined {
  const m = EXPLICIT.exec(message);
  const hex = m?.[1] ?? m?.[2];
  return hex === undefined ? undefined : parseInt(hex, 16) >>> 0;
}

export function idFromPriority(priority: number | undefined): number {
  if (priority === undefined || !Number.isInteger(priority) || priority < 0 || priority > 7) return NO_SEVERITY_ID;
  if (priority <= 3) return ERROR_ID;
  return priority === 4 ? WARNING_ID : INFORMATION_ID;
}

export interface LogLine {
  /** The syslog identifier or, without one, the command name. */
  source: string;
  message: string;
  /** 0-7, when the log says. */
  priority?: number;
  time?: Date;
}

export function toEvent(l: LogLine): IncomingEvent {
  const id = explicitId(l.message) ?? idFromPriority(l.priority);
  const message = l.message.length > MAX_MESSAGE ? l.message.slice(0, MAX_MESSAGE) : l.message;
  return { source: l.source, id, message, ...(l.time && !Number.isNaN(l.time.getTime()) ? { time: l.time.toISOString() } : {}) };
}
