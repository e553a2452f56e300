/**
 * What the three definition-file codecs share: located problems, the INI layer's syntax issues as coded
 * messages, reading sections the way Windows does (the first of each name wins), and careful writing
 * (a line is rewritten only when it does not already say the wanted value).
 */
import { IniDocument, lowerKey, quote, type EntryRef, type Eol, type SectionRef } from '../ini/document.js';
import { syntaxProblems } from '../ini/issues.js';
import { type MessageCode } from '../messages/catalogue.js';
import { problem, type Params, type Problem } from '../messages/problem.js';
import { DocEdit } from './edit.js';
import { type Failure } from './values.js';

export { DocEdit } from './edit.js';
export {
  MAX_SIZE_KB,
  MAX_TIMEOUT_SECONDS,
  formatEventIds,
  isAbsolutePath,
  readCommand,
  readEventIds,
  readPath,
  readPlain,
  readUint,
  shown,
  textValue,
  type Check,
  type EventIds,
  type Failure,
} from './values.js';

export interface Decoded<T> {
  model: T;
  problems: Problem[];
}

/** Collects the problems of one file; every one carries the file, a 1-based line and usually a field. */
export class Findings {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}

  add(code: MessageCode, params: Params, line: number, field?: string): void {
    this.problems.push(problem(code, params, field === undefined ? { file: this.file, line } : { file: this.file, line, field }));
  }

  fail(f: Failure, line: number, field: string): void {
    this.add(f.code, f.params, line, field);
  }

  /** The problems in file order (stable: those of one line keep the order they were found in). */
  sorted(): Problem[] {
    return [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

/** The INI layer's structural issues (ER_4018 line, ER_4021 outside a section, ER_4019/ER_4020 duplicates). */
export function reportSyntax(doc: IniDocument, out: Findings): void {
  // One at a time: a spread of a huge file's issues (500,000 bad lines) exceeds the call's argument limit (RangeError).
  for (const p of syntaxProblems(doc, out.file)) out.problems.push(p);
}

/** Sections in file order, the first of each name only: Windows reads the first, ER_4019 reports the rest. */
export function firstSections(doc: IniDocument): SectionRef[] {
  const seen = new Set<string>();
  return doc.sections().filter((s) => {
    const k = s.name.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// A codec asks for the same section's keys several times (unknown keys, pairs, paths); a 999-tool file has 200,000 keys.
const byKeyCache = new WeakMap<SectionRef, ReadonlyMap<string, EntryRef>>();

/** The first entry of each key (by lower-case key), in file order; ER_4020 reports the rest. */
export function entriesByKey(sec: SectionRef): ReadonlyMap<string, EntryRef> {
  const cached = byKeyCache.get(sec);
  if (cached) return cached;
  const m = new Map<string, EntryRef>();
  for (const e of sec.entries) {
    const k = lowerKey(e.key);
    if (!m.has(k)) m.set(k, e);
  }
  byKeyCache.set(sec, m);
  return m;
}

/** Keys of a section that `known` does not name: ER_4025 warnings (the lines are kept as they are). */
export function reportUnknownKeys(sec: SectionRef, label: string, known: (key: string) => boolean, out: Findings): void {
  for (const e of entriesByKey(sec).values()) if (!known(e.key)) out.add('ER_4025', { key: e.key }, e.line, `${label}.${e.key}`);
}

export const isOneOf =
  (names: readonly string[]) =>
  (key: string): boolean =>
    names.some((n) => n.toLowerCase() === key.toLowerCase());

/** The line of a problem about a missing section: the top of the file. */
export const MISSING_SECTION_LINE = 1;

// ---- writing

/** The document to write into: a clone of the file read, or our commented default file. */
export function startFrom(into: IniDocument | undefined, defaultText: (eol: Exclude<Eol, ''>) => string): DocEdit {
  return new DocEdit(into ? into.clone() : IniDocument.parse(defaultText('\r\n')));
}

/**
 * Writes `rawValue` unless the current line already means the wanted value (`says`), so untouched
 * settings keep their spelling. `says` receives undefined when the key is absent.
 */
export function put(
  ed: DocEdit,
  section: string,
  key: string,
  says: (raw: string | undefined) => boolean,
  rawValue: (old: string | undefined) => string,
): void {
  const old = ed.get(section, key);
  if (!says(old)) ed.set(section, key, rawValue(old));
}

/**
 * A text value in the line's own quoting. Paths are quoted like the manual (`Command="c:\x\x.bat"`) when
 * their line is new or was empty, and always when they hold spaces (an unquoted space would read as an argument).
 */
export function render(value: string, old: string | undefined, path: boolean): string {
  const fresh = old === undefined || old.trim() === '';
  const wasQuoted = fresh ? path && value !== '' : old.trim().startsWith('"');
  return quote(value, wasQuoted || (path && /\s/.test(value)));
}

/** Writes a text value; an absent key already means '' (nothing is added for an empty value). */
export function putText(ed: DocEdit, section: string, key: string, want: string, read: (raw: string) => string, path: boolean): void {
  put(
    ed,
    section,
    key,
    (raw) => (raw === undefined ? want === '' : read(raw) === want),
    (old) => render(want, old, path),
  );
}

/** Writes a number; `absent` is what a missing key means (undefined when the key is required). */
export function putNumber(ed: DocEdit, section: string, key: string, want: number, parse: (raw: string) => number | undefined, absent?: number): void {
  put(
    ed,
    section,
    key,
    (raw) => (raw === undefined ? want === absent : parse(raw) === want),
    (old) => render(String(want), old, false),
  );
}
