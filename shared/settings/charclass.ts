/**
 * Character classes and formats of the settings (docs/design.md sections 8.1-8.2; REMCS gives comparable rules).
 * Each check returns undefined when the value is fine, or what is wrong, so the caller can name the offending
 * character in the message.
 */
export type CharClass =
  | 'any' // anything printable on one line
  | 'full-width' // お客様名称(漢字), 住所(漢字)...: no half-width characters
  | 'half-kana' // お客様名称(カナ)...: half-width katakana (with space, digits, - and ( ))
  | 'ascii' // half-width letters, digits and symbols, no spaces (codes, URLs, account names)
  | 'digits'
  | 'email'
  | 'host' // host name, FQDN, IPv4 or IPv6
  | 'phone' // half-width digits and - + ( ), no spaces
  | 'dial' // a modem dial string: digits, - ( ) , * # and P/T/W
  | 'postal' // 7 digits, e.g. 0123456
  | 'absolute-path'
  | 'date' // YYYY-MM-DD, a real calendar day
  | 'time-window'; // HH:MM-HH:MM (end after start, 24:00 allowed as an end) or none

export type CharFault =
  | { kind: 'char'; char: string } // a character the class does not allow
  | { kind: 'format' }; // the characters are fine but the shape is not

const CONTROL = /[\u0000-\u001f\u007f]/;
const HALF_WIDTH = /[\u0020-\u007e\uff61-\uff9f]/u;
const HALF_KANA_OK = /^[\uff61-\uff9f 0-9\-()]$/u;
const ASCII_OK = /^[\u0021-\u007e]$/;

function firstBad(value: string, ok: (ch: string) => boolean): CharFault | undefined {
  for (const ch of value) if (!ok(ch)) return { kind: 'char', char: ch };
  return undefined;
}

export function hasControlChars(value: string): boolean {
  return CONTROL.test(value);
}

export function isIPv4(v: string): boolean {
  const parts = v.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(v: string): boolean {
  const s = v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : v;
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.length > 45) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string): string[] => (h === '' ? [] : h.split(':'));
  const all = halves.flatMap(groups);
  const last = all[all.length - 1];
  const v4tail = last !== undefined && last.includes('.');
  if (v4tail && !isIPv4(last)) return false;
  const hexGroups = v4tail ? all.slice(0, -1) : all;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (v4tail ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** RFC 1123 host name or FQDN (labels of letters, digits and hyphens; a trailing dot allowed). */
export function isHostName(v: string): boolean {
  const s = v.endsWith('.') ? v.slice(0, -1) : v;
  if (s.length === 0 || s.length > 253) return false;
  const labels = s.split('.');
  if (labels.every((l) => /^\d+$/.test(l))) return false; // all-numeric is a malformed IPv4, not a name
  return labels.every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l));
}

export function isHost(v: string): boolean {
  return isIPv4(v) || isIPv6(v) || isHostName(v);
}

/** A practical address check: local part of printable ASCII without spaces, domain a host name. */
export function isEmail(v: string): boolean {
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1) return false;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  return (
    /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    domain.includes('.') &&
    isHostName(domain)
  );
}

/** Absolute on Windows (`c:\x`, `C:/x`, UNC `\\host\share`) or POSIX (`/x`); `c:x` and `\x` are drive-relative. */
export function isAbsolutePath(p: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(p) || /^[\\/]{2}[^\\/]+[\\/][^\\/]/.test(p) || p.startsWith('/');
}

export function checkCharClass(value: string, cls: CharClass): CharFault | undefined {
  switch (cls) {
    case 'any':
      return undefined;
    case 'full-width':
      return firstBad(value, (ch) => !HALF_WIDTH.test(ch));
    case 'half-kana':
      return firstBad(value, (ch) => HALF_KANA_OK.test(ch));
    case 'ascii':
      return firstBad(value, (ch) => ASCII_OK.test(ch));
    case 'digits':
      return /^\d+$/.test(value) ? undefined : { kind: 'format' };
    case 'email':
      return isEmail(value) ? undefined : { kind: 'format' };
    case 'host':
      return isHost(value) ? undefined : { kind: 'format' };
    case 'phone':
      return /^[0-9+\-()]+$/.test(value) && /\d/.test(value) ? undefined : { kind: 'format' };
    case 'dial':
      return /^[0-9\-(),*#PTWptw]+$/.test(value) && /\d/.test(value) ? undefined : { kind: 'format' };
    case 'postal':
      return /^\d{7}$/.test(value) ? undefined : { kind: 'format' };
    case 'absolute-path':
      return isAbsolutePath(value) ? undefined : { kind: 'format' };
    case 'date':
      return isDate(value) ? undefined : { kind: 'format' };
    case 'time-window':
      return parseTimeWindow(value) === undefined ? { kind: 'format' } : undefined;
  }
}

export function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Minutes from midnight [start, end) of one day's window; null for `none` (no reports that day). */
export function parseTimeWindow(v: string): { start: number; end: number } | null | undefined {
  if (v.toLowerCase() === 'none') return null;
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(v);
  if (!m) return undefined;
  const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (h1 > 23 || m1 > 59 || m2 > 59 || h2 > 24 || (h2 === 24 && m2 !== 0)) return undefined;
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return end > start ? { start, end } : undefined;
}
