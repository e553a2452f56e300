/**
 * A lossless INI document in the Windows profile dialect the definition files use:
 * `[Section]`, `key=value` (spaces around `=` allowed), whole-line comments starting with `;` or `#`,
 * no inline comments and no backslash escapes (so `Command="c:\x\x.bat"` means what it says).
 * Sections and keys match case-insensitively, as GetPrivateProfileString does; their spelling is kept.
 *
 * Every line keeps its raw text and its own line end, so toString() of an untouched document returns the
 * input exactly. Edits touch only the value span of the line they change.
 * (The `ini` package normalises and drops comments, so it cannot give byte-identical round trips.)
 */
export type Eol = '\r\n' | '\n' | '\r' | '';

interface LineCommon {
  /** The line's text without its line end. */
  raw: string;
  eol: Eol;
}
export interface BlankLine extends LineCommon {
  kind: 'blank';
}
export interface CommentLine extends LineCommon {
  kind: 'comment';
}
export interface SectionLine extends LineCommon {
  kind: 'section';
  name: string;
}
export interface EntryLine extends LineCommon {
  kind: 'entry';
  key: string;
  /** The value as written (outer spaces trimmed, quotes kept). */
  rawValue: string;
  /** Where rawValue sits in raw, so an edit replaces exactly that span. */
  valueStart: number;
  valueEnd: number;
}
export interface InvalidLine extends LineCommon {
  kind: 'invalid';
}
export type Line = BlankLine | CommentLine | SectionLine | EntryLine | InvalidLine;

export interface EntryRef {
  readonly section: string;
  readonly key: string;
  readonly rawValue: string;
  /** 1-based line number. */
  readonly line: number;
}
export interface SectionRef {
  readonly name: string;
  /** 1-based line number of the header. */
  readonly line: number;
  readonly entries: readonly EntryRef[];
}
/** Structural problems of the INI layer itself; the codec turns them into coded messages. */
export type SyntaxIssue =
  | { kind: 'invalid-line'; line: number; raw: string }
  | { kind: 'outside-section'; line: number; key: string }
  | { kind: 'duplicate-section'; line: number; section: string; first: number }
  | { kind: 'duplicate-key'; line: number; section: string; key: string; first: number };

// Key spellings repeat across sections (SourceName01..99 in each of 999 tools): one shared string for each, and its
// lower-case form computed once, save memory and garbage collection. Bounded, as file contents are arbitrary.
const KEY_CACHE_MAX = 4096;
const keyIntern = new Map<string, string>();
const lowerCache = new Map<string, string>();

function internKey(key: string): string {
  const known = keyIntern.get(key);
  if (known !== undefined) return known;
  if (keyIntern.size < KEY_CACHE_MAX) keyIntern.set(key, key);
  return key;
}

/** `key.toLowerCase()`, remembered for the spellings files repeat. */
export function lowerKey(key: string): string {
  const known = lowerCache.get(key);
  if (known !== undefined) return known;
  const lower = key.toLowerCase();
  if (lowerCache.size < KEY_CACHE_MAX) lowerCache.set(key, lower);
  return lower;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || c === 0xfeff;

// Hand-written rather than regular expressions: a definition file can have hundreds of thousands of lines.
function parseLine(raw: string, eol: Eol): Line {
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (start === end) return { kind: 'blank', raw, eol };
  const first = raw.charCodeAt(start);
  if (first === 0x3b /* ; */ || first === 0x23 /* # */) return { kind: 'comment', raw, eol };
  if (first === 0x5b /* [ */) {
    const close = raw.indexOf(']', start + 1);
    if (close === end - 1) return { kind: 'section', name: raw.slice(start + 1, close).trim(), raw, eol };
    return { kind: 'invalid', raw, eol };
  }
  const eq = raw.indexOf('=', start);
  if (eq < 0 || eq >= end) return { kind: 'invalid', raw, eol };
  let keyEnd = eq;
  while (keyEnd > start && isSpace(raw.charCodeAt(keyEnd - 1))) keyEnd--;
  if (keyEnd === start) return { kind: 'invalid', raw, eol };
  let valueStart = eq + 1;
  while (valueStart < end && isSpace(raw.charCodeAt(valueStart))) valueStart++;
  return { kind: 'entry', key: internKey(raw.slice(start, keyEnd)), rawValue: raw.slice(valueStart, end), valueStart, valueEnd: end, raw, eol };
}

/** The lines of `text` with their own line ends, parsed in the same pass (no intermediate array of pieces). */
function parseLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  // indexOf finds line ends much faster than a loop over every character.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    if (lf >= 0 && (cr < 0 || lf < cr)) {
      out.push(parseLine(text.slice(start, lf), '\n'));
      start = lf + 1;
      lf = text.indexOf('\n', start);
    } else {
      const crlf = text.charCodeAt(cr + 1) === 0x0a;
      out.push(parseLine(text.slice(start, cr), crlf ? '\r\n' : '\r'));
      start = cr + (crlf ? 2 : 1);
      cr = text.indexOf('\r', start);
      if (crlf) lf = text.indexOf('\n', start);
    }
  }
  if (start < text.length) out.push(parseLine(text.slice(start), ''));
  return out;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class IniDocument {
  private constructor(readonly lines: Line[]) {}

  static parse(text: string): IniDocument {
    return new IniDocument(parseLines(text));
  }

  static empty(): IniDocument {
    return new IniDocument([]);
  }

  toString(): string {
    let s = '';
    for (const l of this.lines) s += l.raw + l.eol;
    return s;
  }

  /** The line end most lines use (CRLF for an empty document: the originals are Windows files). */
  get eol(): Exclude<Eol, ''> {
    const counts = new Map<Eol, number>();
    for (const l of this.lines) if (l.eol) counts.set(l.eol, (counts.get(l.eol) ?? 0) + 1);
    let best: Exclude<Eol, ''> = '\r\n';
    let n = 0;
    for (const [k, v] of counts)
      if (v > n && k) {
        best = k;
        n = v;
      }
    return best;
  }

  /** Sections in file order (duplicates included); entries before the first section are not listed. */
  sections(): SectionRef[] {
    const out: Array<{ name: string; line: number; entries: EntryRef[] }> = [];
    let cur: { name: string; line: number; entries: EntryRef[] } | undefined;
    for (let i = 0; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (l.kind === 'section') {
        cur = { name: l.name, line: i + 1, entries: [] };
        out.push(cur);
      } else if (l.kind === 'entry' && cur) {
        cur.entries.push({ section: cur.name, key: l.key, rawValue: l.rawValue, line: i + 1 });
      }
    }
    return out;
  }

  /** The first section of that name (as Windows reads it). */
  section(name: string): SectionRef | undefined {
    return this.sections().find((s) => same(s.name, name));
  }

  get(section: string, key: string): EntryRef | undefined {
    return this.section(section)?.entries.find((e) => same(e.key, key));
  }

  /** Structural issues: lines that are nothing, keys outside sections, duplicates. */
  syntaxIssues(): SyntaxIssue[] {
    const issues: SyntaxIssue[] = [];
    const seenSections = new Map<string, number>();
    let seenKeys = new Map<string, number>();
    let section: string | undefined;
    let sectionIsDuplicate = false;
    for (let i = 0; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      const line = i + 1;
      if (l.kind === 'invalid') issues.push({ kind: 'invalid-line', line, raw: l.raw });
      else if (l.kind === 'section') {
        const k = l.name.toLowerCase();
        const first = seenSections.get(k);
        sectionIsDuplicate = first !== undefined;
        if (first !== undefined) issues.push({ kind: 'duplicate-section', line, section: l.name, first });
        else seenSections.set(k, line);
        section = l.name;
        seenKeys = new Map();
      } else if (l.kind === 'entry') {
        if (section === undefined) {
          issues.push({ kind: 'outside-section', line, key: l.key });
          continue;
        }
        if (sectionIsDuplicate) continue;
        const k = lowerKey(l.key);
        const first = seenKeys.get(k);
        if (first !== undefined) issues.push({ kind: 'duplicate-key', line, section, key: l.key, first });
        else seenKeys.set(k, line);
      }
    }
    return issues;
  }

  private sectionIndex(name: string): number {
    return this.lines.findIndex((l) => l.kind === 'section' && same(l.name, name));
  }

  /** Index just past the section's last entry (comments and blanks that follow it belong to what comes next). */
  private sectionEnd(start: number): number {
    let end = start + 1;
    for (let i = start + 1; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (l.kind === 'section') break;
      if (l.kind === 'entry' || l.kind === 'invalid') end = i + 1;
    }
    return end;
  }

  private entryIndex(section: string, key: string): number {
    const start = this.sectionIndex(section);
    if (start < 0) return -1;
    for (let i = start + 1; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (l.kind === 'section') return -1;
      if (l.kind === 'entry' && same(l.key, key)) return i;
    }
    return -1;
  }

  /** Ensures the section exists (appended at the end when new) and returns its header's index. */
  ensureSection(name: string): number {
    const at = this.sectionIndex(name);
    if (at >= 0) return at;
    const eol = this.eol;
    const last = this.lines[this.lines.length - 1];
    if (last && last.eol === '') last.eol = eol;
    this.lines.push({ kind: 'section', name, raw: `[${name}]`, eol });
    return this.lines.length - 1;
  }

  /**
   * Sets a value as written (quotes included if wanted). An existing line keeps its spelling and spacing;
   * a new key goes after the section's last entry, in `key=value` form.
   */
  set(section: string, key: string, rawValue: string): void {
    if (/[\r\n]/.test(rawValue)) throw new Error('INI values cannot contain line breaks');
    const i = this.entryIndex(section, key);
    if (i >= 0) {
      const l = this.lines[i] as EntryLine;
      if (l.rawValue === rawValue) return;
      const raw = l.raw.slice(0, l.valueStart) + rawValue + l.raw.slice(l.valueEnd);
      this.lines[i] = { ...l, raw, rawValue, valueEnd: l.valueStart + rawValue.length };
      return;
    }
    const start = this.ensureSection(section);
    const end = this.sectionEnd(start);
    const eol = this.eol;
    const prev = this.lines[end - 1]!;
    if (prev.eol === '') prev.eol = eol;
    const raw = `${key}=${rawValue}`;
    this.lines.splice(end, 0, { kind: 'entry', key, rawValue, valueStart: key.length + 1, valueEnd: raw.length, raw, eol });
  }

  delete(section: string, key: string): boolean {
    const i = this.entryIndex(section, key);
    if (i < 0) return false;
    this.lines.splice(i, 1);
    return true;
  }

  /** Removes the section header and everything up to its last entry. */
  deleteSection(name: string): boolean {
    const start = this.sectionIndex(name);
    if (start < 0) return false;
    this.lines.splice(start, this.sectionEnd(start) - start);
    return true;
  }

  clone(): IniDocument {
    return new IniDocument(this.lines.map((l) => ({ ...l })));
  }
}

/** A value as the definition files mean it: outer double quotes removed, nothing unescaped. */
export interface Unquoted {
  value: string;
  quoted: boolean;
  /** Text after a closing quote (e.g. arguments after a quoted command path). */
  trailing: string;
  unclosed: boolean;
}

export function unquote(rawValue: string): Unquoted {
  const v = rawValue.trim();
  if (!v.startsWith('"')) return { value: v, quoted: false, trailing: '', unclosed: false };
  if (v.length >= 2 && v.endsWith('"')) return { value: v.slice(1, -1), quoted: true, trailing: '', unclosed: false };
  const close = v.indexOf('"', 1);
  if (close < 0) return { value: v.slice(1), quoted: true, trailing: '', unclosed: true };
  return { value: v.slice(1, close), quoted: true, trailing: v.slice(close + 1).trim(), unclosed: false };
}

/** The written form of a value: quoted when asked, or when spaces at either end would otherwise be lost. */
export function quote(value: string, always = false): string {
  return always || value !== value.trim() || value.startsWith('"') ? `"${value}"` : value;
}
