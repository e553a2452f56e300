/**
 * Value rules of the definition files (the original product manual's appendix 定義ファイル; docs/definition-files.md,
 * docs/design.md section 8.5), each a pure check that either gives the value or says which coded mistake the text
 * makes. The codecs add where (file, line, field).
 */
import { unquote } from '../ini/document.js';
import { type MessageCode } from '../messages/catalogue.js';
import { type Params } from '../messages/problem.js';
import { isAbsolutePath } from '../settings/charclass.js';

export { isAbsolutePath };

export interface Failure {
  code: MessageCode;
  params: Params;
}
export type Check<T> = { ok: true; value: T } | ({ ok: false } & Failure);

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(code: MessageCode, params: Params): Check<T> => ({ ok: false, code, params });

/** A value as quoted in a message: long text is cut so one bad line cannot flood the problem list. */
export function shown(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

/**
 * Upper bounds the manual leaves open (it only says 0 = none / automatic). Ours, so a slip of the keyboard is caught:
 * TimeOut at most 86400 s (one day: a report held longer for its logs is stale),
 * MaxSize at most 4194304 KB (4 GiB, the ZIP limit without ZIP64; the original's automatic size is about 0.7-1 GB).
 */
export const MAX_TIMEOUT_SECONDS = 86_400;
export const MAX_SIZE_KB = 4_194_304;

/**
 * A value as GetPrivateProfileString gives it: outer double quotes removed when they enclose the whole value.
 * A quote left open (ER_4027) or text after the closing quote (ER_4030) is a mistake.
 */
export function readPlain(key: string, raw: string): Check<string> {
  const u = unquote(raw);
  if (u.unclosed) return fail('ER_4027', { key, value: shown(raw.trim()) });
  if (u.trailing !== '') return fail('ER_4030', { key, value: shown(raw.trim()) });
  return ok(u.value);
}

/** The text a model shows for a value: the clean value, or the text as written when it is not clean. */
export function textValue(check: Check<string>, raw: string): string {
  return check.ok ? check.value : raw.trim();
}

/** Directory and LogFile: empty, or an absolute path (ER_4011). */
export function readPath(key: string, raw: string): Check<string> {
  const v = readPlain(key, raw);
  if (!v.ok || v.value === '' || isAbsolutePath(v.value)) return v;
  return fail('ER_4011', { key, value: shown(v.value) });
}

/**
 * Command: empty (run nothing), or the absolute path of one program, quoted when it has spaces.
 * Checked in this order so one mistake gives one message: unclosed quote (ER_4027), redirection (ER_4013: `<`, `>`
 * or `|` anywhere, inside the quotes too: the manual forbids redirection, and `"c:\x.bat > c:\out.txt"` is what
 * someone writes who means it; no Windows file name can hold these characters), arguments (ER_4012: text after the
 * closing quote, a quote inside, or an unquoted space; `c:\Program Files\x.bat` must be quoted), then absolute (ER_4011).
 */
export function readCommand(raw: string): Check<string> {
  const key = 'Command';
  const v = raw.trim();
  if (v === '') return ok('');
  const value = shown(v);
  const quotes = v.split('"').length - 1;
  if (quotes % 2 === 1) return fail('ER_4027', { key, value });
  if (/[<>|]/.test(v)) return fail('ER_4013', { value });
  let path = v;
  if (v.startsWith('"')) {
    const close = v.indexOf('"', 1);
    path = v.slice(1, close);
    if (v.slice(close + 1).trim() !== '') return fail('ER_4012', { value });
    if (path === '') return ok('');
  } else if (/[\s"]/.test(v)) {
    return fail('ER_4012', { value });
  }
  if (path.trim() !== path || !isAbsolutePath(path)) return fail('ER_4011', { key, value: shown(path) });
  return ok(path);
}

/**
 * TimeOut, MaxSize and the like: a whole number from 0 to max, in plain digits (ER_4014).
 * Lengths are compared first, so a 400-digit number is rejected without precision games.
 */
export function readUint(key: string, raw: string, max: number): Check<number> {
  const v = readPlain(key, raw);
  if (!v.ok) return v;
  const digits = v.value.trim().replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits) || digits.length > String(max).length || Number(digits) > max) {
    return fail('ER_4014', { key, max, value: shown(v.value) });
  }
  return ok(Number(digits));
}

/** `*` (every event ID) or unsigned 32-bit event IDs. */
export type EventIds = '*' | number[];

/**
 * EventIDXX: `*`, or a comma-separated list of `0x` + exactly 8 hex digits (all 32 bits, as the manual asks;
 * `c0040006` or `0x1234567` are not accepted). The first bad item is named (ER_4007); `*` in a list is ER_4029.
 */
export function readEventIds(key: string, raw: string): Check<EventIds> {
  // Without a quote readPlain only trims: skip its objects for the common case.
  const v = raw.includes('"') ? readPlain(key, raw) : { ok: true as const, value: raw.trim() };
  if (!v.ok) return v;
  if (v.value.trim() === '*') return ok('*');
  const ids: number[] = [];
  const text = v.value;
  for (let start = 0; ;) {
    const comma = text.indexOf(',', start);
    const end = comma < 0 ? text.length : comma;
    // A clean item is read in place; anything else (spaces, `*`, a mistake) goes the careful way.
    let id = end - start === 10 ? hexId(text, start) : undefined;
    if (id === undefined) {
      const item = text.slice(start, end).trim();
      if (item === '*') return fail('ER_4029', { key, value: shown(text.trim()) });
      id = item.length === 10 ? hexId(item, 0) : undefined;
      if (id === undefined) return fail('ER_4007', { value: shown(item) });
    }
    ids.push(id);
    if (comma < 0) return ok(ids);
    start = comma + 1;
  }
}

/** `0x` + exactly 8 hex digits (either case) at `at`, as a number; by character codes: a big file has 200,000 of these. */
function hexId(s: string, at: number): number | undefined {
  if (s.charCodeAt(at) !== 0x30 || (s.charCodeAt(at + 1) | 0x20) !== 0x78) return undefined;
  let n = 0;
  for (let i = at + 2; i < at + 10; i++) {
    const c = s.charCodeAt(i);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    if (d < 0) return undefined;
    n = n * 16 + d;
  }
  return n;
}

/** The manual's form: `0x%08x`, lower-case, comma-separated. */
export function formatEventIds(ids: EventIds): string {
  if (ids === '*') return '*';
  return ids.map((n) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`).join(',');
}
