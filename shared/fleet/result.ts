/**
 * The check result of a fleet CSV, one per row (new / replace / warning / error, as CMS's bulk registration shows it
 * before anything is written), its `LINE: COLUMN: CODE message` lines, the counts, and the result CSV (UTF-8 with a
 * BOM so Excel opens it).
 */
import { formatProblem, isError, type Problem } from '../messages/problem.js';
import { type Lang } from '../messages/text.js';
import { printable } from '../messages/printable.js';
import { type Schedule } from '../inf/hbi.js';

export type RowStatus = 'new' | 'replace' | 'warning' | 'error';

export interface RowResult {
  /** The CSV line the row starts on (1 is the header). */
  line: number;
  serial: string;
  serverName: string;
  folder: string;
  /** The output folder exists already (a build replaces it). */
  exists: boolean;
  status: RowStatus;
  /** Each with `line` and `field` = the CSV column. */
  problems: Problem[];
  schedule?: Schedule;
}

export interface Counts {
  total: number;
  new: number;
  replace: number;
  warning: number;
  error: number;
}

export function statusOf(problems: readonly Problem[], exists: boolean): RowStatus {
  if (problems.some(isError)) return 'error';
  if (problems.length > 0) return 'warning';
  return exists ? 'replace' : 'new';
}

export function countRows(rows: readonly RowResult[]): Counts {
  const c: Counts = { total: rows.length, new: 0, replace: 0, warning: 0, error: 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

/** `LINE: COLUMN: CODE message`, one line (a quoted control character shown as an escape); a problem of no CSV line (the base's) as the command line prints it. */
export function fleetLine(p: Problem, lang: Lang): string {
  if (p.line === undefined) return formatProblem(p, lang);
  const tag = p.severity === 'warning' ? (lang === 'ja' ? ' [警告]' : ' [warning]') : '';
  return printable(`${p.line}: ${p.field ?? '-'}: ${p.code}${tag} ${p.message[lang]}`);
}

const DAYS = { ja: ['日', '月', '火', '水', '木', '金', '土'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };
const two = (n: number): string => String(n).padStart(2, '0');

export function scheduleText(s: Schedule, lang: Lang): string {
  const day = s.type === 'every week' ? DAYS[lang][s.day] : lang === 'ja' ? `毎月${s.day}日` : `day ${s.day}`;
  return `${day} ${two(s.hour)}:${two(s.minute)}`;
}

/** RFC 4180: every field quoted, quotes doubled, CRLF; a leading = + - @ gets a ' so Excel shows it as text. */
function csvField(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function resultCsv(rows: readonly RowResult[], lang: Lang): string {
  const head = ['line', 'serial', 'server_name', 'folder', 'result', 'schedule', 'problems'];
  const lines = [head.map(csvField).join(',')];
  for (const r of rows) {
    const problems = r.problems.map((p) => fleetLine(p, lang)).join('\n');
    lines.push(
      [String(r.line), r.serial, r.serverName, r.folder, r.status, r.schedule ? scheduleText(r.schedule, lang) : '', problems].map(csvField).join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
