/**
 * One line of a syslog file, in the three shapes found on disk:
 *   RFC 3164 (traditional)  `Nov 25 14:03:01 host ident[pid]: message`   local time, the year inferred
 *   rsyslog's default file format on current distributions (RFC 3339 time)
 *                           `2025-11-25T14:03:01.123456+09:00 host ident[pid]: message`
 *   RFC 5424                `<PRI>1 2025-11-25T14:03:01.003Z host app procid msgid [sd] message`
 * The first two may start with `<PRI>` (when the writer keeps it); only then is a priority known. Hand-written: the
 * syslog parsers on npm parse the network protocol, where <PRI> is mandatory, not the file formats, where it is rare.
 */
import { type LogLine } from './event-id.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PRI = String.raw`(?:<(\d{1,3})>)?`;
const BSD_TIME = String.raw`([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})`;
const ISO_TIME = String.raw`(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))`;
const RFC3164 = new RegExp(String.raw`^${PRI}${BSD_TIME} (\S+) (.*)$`);
const RFC3339 = new RegExp(String.raw`^${PRI}${ISO_TIME} (\S+) (.*)$`);
const RFC5424 = new RegExp(String.raw`^<(\d{1,3})>1 (-|${ISO_TIME.slice(1, -1)}) (\S+) (\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: (.*))?$`);
/** `ident[pid]: message` or `ident: message`; a tag is one word without a colon or a bracket. */
const TAG = /^([^\s:[\]]+)(?:\[[^\]]*\])?: ?(.*)$/;

const priorityOf = (pri: string | undefined): number | undefined => {
  if (pri === undefined) return undefined;
  const n = Number(pri);
  return n <= 191 ? n & 7 : undefined;
};

/** A time without a year is this year's, unless that is more than a day ahead of now (a December line in January). */
function bsdTime(mon: string, day: string, h: string, m: string, s: string, now: Date): Date | undefined {
  const month = MONTHS.indexOf(mon);
  if (month < 0) return undefined;
  const at = (y: number) => new Date(y, month, Number(day), Number(h), Number(m), Number(s));
  const t = at(now.getFullYear());
  return t.getTime() > now.getTime() + 86_400_000 ? at(now.getFullYear() - 1) : t;
}

function tagged(rest: string): { source: string; message: string } {
  const t = TAG.exec(rest);
  return t ? { source: t[1]!, message: t[2]! } : { source: 'unknown', message: rest };
}

/** The parts of a syslog file line, or undefined when it is none of the shapes above. */
export function parseSyslogLine(line: string, now: Date = new Date()): LogLine | undefined {
  const l = line.endsWith('\r') ? line.slice(0, -1) : line;
  let m = RFC5424.exec(l);
  if (m) {
    const [, pri, ts, , app, , , , msg] = m;
    const time = ts === '-' ? undefined : new Date(ts!);
    const priority = priorityOf(pri);
    // A message may start with a UTF-8 byte-order mark (RFC 5424 section 6.4).
    return {
      source: app === '-' ? 'unknown' : app!,
      message: (msg ?? '').replace(/^\uFEFF/, ''),
      ...(priority !== undefined ? { priority } : {}),
      ...(time ? { time } : {}),
    };
  }
  m = RFC3339.exec(l);
  if (m) {
    const [, pri, ts, , rest] = m;
    const priority = priorityOf(pri);
    return { ...tagged(rest!), time: new Date(ts!), ...(priority !== undefined ? { priority } : {}) };
  }
  m = RFC3164.exec(l);
  if (m) {
    const [, pri, mon, day, h, mi, s, , rest] = m;
    const time = bsdTime(mon!, day!, h!, mi!, s!, now);
    if (!time) return undefined;
    const priority = priorityOf(pri);
    return { ...tagged(rest!), time, ...(priority !== undefined ? { priority } : {}) };
  }
  return undefined;
}
