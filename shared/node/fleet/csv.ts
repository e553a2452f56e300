/**
 * Reading the fleet CSV: UTF-8 with or without a BOM, or Shift_JIS (CP932), detected as the definition files are
 * (../encoding.ts); bytes that are neither are ER_3600, never guessed. Fields per RFC 4180 (csv-parse). Each row keeps
 * the line it starts on, so every problem is located. A CSV-wide problem (encoding, syntax, no header, too many rows)
 * comes back in `problems` and no row is checked.
 */
import { parse } from 'csv-parse/sync';
import { problem, type Problem } from '../../messages/problem.js';
import { text } from '../../messages/text.js';
import { decodeText } from '../encoding.js';
import { isCodedError } from '../coded-error.js';

export const MAX_ROWS = 1000;
/** 1,000 rows of a few hundred bytes fit many times over; a larger file is refused before it is parsed. */
export const MAX_CSV_BYTES = 4 * 1024 * 1024;

export interface CsvRow {
  line: number;
  fields: string[];
}

export interface FleetCsv {
  header: string[];
  rows: CsvRow[];
  encoding: 'UTF-8' | 'UTF-8 BOM' | 'Shift_JIS';
  problems: Problem[];
}

const empty = (encoding: FleetCsv['encoding'], problems: Problem[]): FleetCsv => ({ header: [], rows: [], encoding, problems });

function decode(bytes: Uint8Array, file: string): { text: string; encoding: FleetCsv['encoding'] } | Problem {
  try {
    const d = decodeText(bytes, file);
    if (d.text.includes('\ufffd') || !d.lossless)
      return problem(
        'ER_3600',
        { file, reason: text('UTF-8 でも Shift_JIS でもないバイトがあります', 'bytes valid in neither UTF-8 nor Shift_JIS') },
        { file, line: 1 },
      );
    return { text: d.text, encoding: d.encoding === 'cp932' ? 'Shift_JIS' : d.bom ? 'UTF-8 BOM' : 'UTF-8' };
  } catch (e) {
    if (isCodedError(e, 'ER_4031')) return problem('ER_3600', { file, reason: e.problem.message }, { file, line: 1 });
    throw e;
  }
}

interface Parsed {
  record: string[];
  /** `bytes`: how far the parser has read once the record ended (its delimiter included). */
  info: { bytes: number };
}

/**
 * The line each record starts on. csv-parse's own line count takes the CR and the LF of a CRLF inside a quoted field
 * for two lines, so the lines are counted here: a record starts where the previous one ended, after the empty lines
 * the parser skipped.
 */
function startLines(buf: Uint8Array, records: readonly Parsed[]): number[] {
  const out: number[] = [];
  let pos = 0;
  let line = 1;
  let from = 0;
  for (const r of records) {
    let start = from;
    while (start < buf.length && (buf[start] === 0x0d || buf[start] === 0x0a)) start++;
    for (; pos < start; pos++) if (buf[pos] === 0x0a) line++;
    out.push(line);
    from = r.info.bytes;
  }
  return out;
}

type CsvFailure = { message?: string; bytes?: number };

/**
 * The line where the field that failed starts (its opening quote's line for a quote left open), from the position csv-parse
 * reached (`bytes`). csv-parse's own line count takes the CR and the LF of a CRLF for two lines (an error was placed
 * below the end of the file), so its "at line N" is taken out of the reason.
 */
function failedAt(buf: Uint8Array, e: CsvFailure): { line: number; reason: string } {
  let start = Math.min(e.bytes ?? 0, buf.length);
  while (start < buf.length && (buf[start] === 0x0d || buf[start] === 0x0a)) start++;
  let line = 1;
  for (let i = 0; i < start; i++) if (buf[i] === 0x0a) line++;
  return { line, reason: (e.message ?? '').replace(/ at line \d+/, '') };
}

export function readFleetCsv(bytes: Uint8Array, file: string): FleetCsv {
  if (bytes.length > MAX_CSV_BYTES) return empty('UTF-8', [problem('ER_3603', { count: `> ${MAX_CSV_BYTES} bytes`, limit: MAX_ROWS }, { file, line: 1 })]);
  const d = decode(bytes, file);
  if ('code' in d) return empty('UTF-8', [d]);
  const buf = new TextEncoder().encode(d.text);
  let records: Parsed[];
  try {
    records = parse(Buffer.from(buf), { relax_column_count: true, info: true, skip_empty_lines: true }) as unknown as Parsed[];
  } catch (e) {
    const at = failedAt(buf, e as CsvFailure);
    return empty(d.encoding, [problem('ER_3601', { reason: at.reason || String(e) }, { file, line: at.line })]);
  }
  const lines = startLines(buf, records);
  // A line of only commas is empty too (Excel writes them for rows it kept blank).
  const rows = records.map((r, i) => ({ line: lines[i]!, fields: r.record })).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const head = rows.shift();
  if (!head) return empty(d.encoding, [problem('ER_3602', { file }, { file, line: 1 })]);
  if (rows.length > MAX_ROWS) return empty(d.encoding, [problem('ER_3603', { count: rows.length, limit: MAX_ROWS }, { file, line: rows[MAX_ROWS]!.line })]);
  return { header: head.fields.map((f) => f.trim()), rows, encoding: d.encoding, problems: [] };
}
