/**
 * One coded line for the service log (and the status page): the spool, intake and the delivery loop report through
 * this; the service log (service-log.ts) writes it.
 */
import { catalogue, type MessageCode } from '../../shared/messages/catalogue.js';
import { message, type Params, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';

export type LogLevel = 'error' | 'warning' | 'information';

export interface LogEntry {
  level: LogLevel;
  code: MessageCode;
  message: LocalizedText;
  reportId?: string;
}

export type LogSink = (entry: LogEntry) => void;

/** The level follows the catalogue's kind, so a code is logged the same way wherever it is raised. */
export function logEntry(code: MessageCode, params: Params = {}, reportId?: string): LogEntry {
  const kind = catalogue[code].kind;
  const level: LogLevel = kind === 'information' || kind === 'confirmation' ? 'information' : kind === 'warning' ? 'warning' : 'error';
  return { level, code, message: message(code, params), ...(reportId !== undefined ? { reportId } : {}) };
}

/** A Problem (a route's failure, a storage error) as a log line, its message kept as it was filled in. */
export function problemEntry(p: Problem, reportId?: string): LogEntry {
  return { ...logEntry(p.code, {}, reportId), message: p.message };
}
