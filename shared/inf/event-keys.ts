/**
 * SourceNameXX / EventIDXX pairs (XX = 01-99), as [NoneTrouble] and every [ToolYYY] of AMHTPLOG.INF write them.
 * Only a clean pair is an event match; each mistake is reported once, at its own line.
 */
import { lowerKey, type EntryRef, type SectionRef } from '../ini/document.js';
import { entryTable, type EntryTable } from '../ini/entries.js';
import { Findings, put, render, type DocEdit } from './common.js';
import { formatEventIds, readEventIds, readPlain, type Check, type EventIds } from './values.js';

export interface EventMatch {
  /** XX of SourceNameXX / EventIDXX, 1-99. */
  index: number;
  /** The event source; `*` = every source. */
  source: string;
  /** `*` = every event ID; otherwise unsigned 32-bit IDs. */
  ids: EventIds;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
export const sourceKey = (index: number): string => `SourceName${pad2(index)}`;
export const idsKey = (index: number): string => `EventID${pad2(index)}`;

/** Whether a key is an event key, and its index (undefined when the number is not 01-99 in two digits). */
export function eventKey(key: string): { kind: 'source' | 'ids'; index: number | undefined } | undefined {
  // By character codes, not a regular expression: called twice for each of up to 200,000 keys.
  const kind = startsWithAscii(key, 'sourcename') ? 'source' : startsWithAscii(key, 'eventid') ? 'ids' : undefined;
  if (!kind) return undefined;
  const at = kind === 'source' ? 10 : 7;
  for (let i = at; i < key.length; i++) if (isLineTerminator(key.charCodeAt(i))) return undefined; // where the former /^(...)(.*)$/ stopped matching
  const hi = key.charCodeAt(at) - 0x30;
  const lo = key.charCodeAt(at + 1) - 0x30;
  const twoDigits = key.length === at + 2 && hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9;
  const n = hi * 10 + lo;
  return (kind === 'source' ? SOURCE_KINDS : IDS_KINDS)[twoDigits && n > 0 ? n : 0];
}

// Shared answers (never changed by callers), so reading 200,000 keys allocates nothing here; [0] = no valid index.
const kinds = (kind: 'source' | 'ids'): ReadonlyArray<{ kind: 'source' | 'ids'; index: number | undefined }> =>
  Array.from({ length: 100 }, (_, i) => Object.freeze({ kind, index: i === 0 ? undefined : i }));
const SOURCE_KINDS = kinds('source');
const IDS_KINDS = kinds('ids');

const isLineTerminator = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/** Whether `s` starts with the lower-case ASCII `prefix`, ignoring ASCII case only (as /i does for these letters). */
function startsWithAscii(s: string, prefix: string): boolean {
  if (s.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if ((s.charCodeAt(i) | 0x20) !== prefix.charCodeAt(i)) return false;
  return true;
}

/** SourceNameXX: any text, `*` for all; empty is ER_4008. */
export function readSource(key: string, raw: string): Check<string> {
  const v = readPlain(key, raw);
  if (v.ok && v.value.trim() === '') return { ok: false, code: 'ER_4008', params: { key } };
  return v;
}

export interface MatchesRead {
  /** Clean pairs, by index. */
  matches: EventMatch[];
  /** Whether the section has any event key at all (ER_4024 is for sections with none). */
  named: boolean;
}

/** A section's entries sorted in one pass: event keys by kind and index (positions in `table`), the rest by key. */
export interface SectionScan {
  table: EntryTable;
  /** Position of SourceNameXX / EventIDXX at [XX], -1 when absent. */
  sources: Int32Array;
  ids: Int32Array;
  /** Whether the section has any event key at all. */
  named: boolean;
  /** Entries that are not event keys, the first of each lower-case key (as entriesByKey keeps them). */
  others: Map<string, EntryRef>;
}

/**
 * One pass over a section's entries; the first entry of each key counts (ER_4020 reports the rest). An event key
 * whose number is not 01-99 is ER_4010. Works on positions, not entry objects: a big file has 1,000 sections of 200.
 */
export function scanSection(sec: SectionRef, label: string, out: Findings): SectionScan {
  const table = entryTable(sec);
  const sources = new Int32Array(100).fill(-1);
  const ids = new Int32Array(100).fill(-1);
  const others = new Map<string, EntryRef>();
  let badKeys: Set<string> | undefined;
  let named = false;
  for (let j = 0; j < table.count; j++) {
    const key = table.keyAt(j);
    const k = eventKey(key);
    if (!k) {
      const lk = lowerKey(key);
      if (!others.has(lk)) others.set(lk, table.entryAt(j));
      continue;
    }
    named = true;
    if (k.index !== undefined) {
      const into = k.kind === 'source' ? sources : ids;
      if (into[k.index] === -1) into[k.index] = j; // case variants of one key have the same kind and index
      continue;
    }
    badKeys ??= new Set();
    const lk = lowerKey(key);
    if (badKeys.has(lk)) continue;
    badKeys.add(lk);
    out.add('ER_4010', { key }, table.lineAt(j), `${label}.${key}`);
  }
  return { table, sources, ids, named, others };
}

/** The clean pairs of a scanned section; a half pair is ER_4009, a bad value its own code. */
export function pairsOf(scan: SectionScan, label: string, out: Findings): EventMatch[] {
  const { table, sources, ids } = scan;
  const matches: EventMatch[] = [];
  for (let index = 1; index <= 99; index++) {
    const s = sources[index]!;
    const i = ids[index]!;
    if (s < 0 && i < 0) continue;
    const sk = SOURCE_KEYS[index]!;
    const ik = IDS_KEYS[index]!;
    if (s < 0 || i < 0) {
      const [key, pair, line] = s >= 0 ? [sk, ik, table.lineAt(s)] : [ik, sk, table.lineAt(i)];
      out.add('ER_4009', { key, pair }, line, `${label}.${key}`);
      continue;
    }
    const sourceRaw = table.rawValueAt(s);
    // Without a quote readSource only trims and checks for empty: skip its objects for the common case.
    const plain = sourceRaw.includes('"') ? undefined : sourceRaw.trim();
    const source = plain !== undefined && plain !== '' ? undefined : readSource(sk, sourceRaw);
    if (source && !source.ok) out.fail(source, table.lineAt(s), `${label}.${sk}`);
    const list = readEventIds(ik, table.rawValueAt(i));
    if (!list.ok) out.fail(list, table.lineAt(i), `${label}.${ik}`);
    if ((!source || source.ok) && list.ok) matches.push({ index, source: source ? source.value : plain!, ids: list.value });
  }
  return matches;
}

/** Reads the pairs of a section; `label` is the section's canonical name, for `field`. */
export function readMatches(sec: SectionRef, label: string, out: Findings): MatchesRead {
  const scan = scanSection(sec, label, out);
  return { matches: pairsOf(scan, label, out), named: scan.named };
}

const SOURCE_KEYS = Array.from({ length: 100 }, (_, i) => sourceKey(i));
const IDS_KEYS = Array.from({ length: 100 }, (_, i) => idsKey(i));

export function sameIds(a: EventIds, b: EventIds): boolean {
  if (a === '*' || b === '*') return a === b;
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * Makes a section's pairs say `want`: clean pairs the model dropped are removed, pairs that differ are
 * rewritten, new ones appended. Pairs that did not read cleanly are left alone (and keep being reported)
 * unless the model puts a match at their index.
 */
export function writeMatches(ed: DocEdit, section: string, want: readonly EventMatch[]): void {
  const sec = ed.section(section);
  const now = sec ? readMatches(sec, section, new Findings('')).matches : [];
  const wanted = new Set(want.map((w) => w.index));
  for (const m of now) {
    if (wanted.has(m.index)) continue;
    ed.deleteKey(section, sourceKey(m.index));
    ed.deleteKey(section, idsKey(m.index));
  }
  for (const m of want) {
    const sk = sourceKey(m.index);
    const ik = idsKey(m.index);
    put(
      ed,
      section,
      sk,
      (raw) => raw !== undefined && isOk(readSource(sk, raw), (v) => v === m.source),
      (old) => render(m.source, old, false),
    );
    put(
      ed,
      section,
      ik,
      (raw) => raw !== undefined && isOk(readEventIds(ik, raw), (v) => sameIds(v, m.ids)),
      (old) => render(formatEventIds(m.ids), old, false),
    );
  }
}

function isOk<T>(c: Check<T>, test: (v: T) => boolean): boolean {
  return c.ok && test(c.value);
}
