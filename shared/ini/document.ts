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
import { analyse, type Analysis } from './analyse.js';
import { A, B, C, COMMENT, D, END, ENTRY, EOLS, SECTION, START, STRIDE, BLANK, scanLines, type CompactLines } from './compact.js';
import { internKey, lowerKey } from './keys.js';
import { type EntryRef, type Eol, type Line, type SectionRef, type SyntaxIssue, type EntryLine } from './types.js';

export { lowerKey } from './keys.js';
export type * from './types.js';

/** Line objects for every line of a compact document, as the former parser made them. */
function materialise(c: CompactLines): Line[] {
  const { text, kind, pos } = c;
  const out = new Array<Line>(c.count);
  for (let i = 0; i < c.count; i++) {
    const o = i * STRIDE;
    const start = pos[o + START]!;
    const raw = text.slice(start, pos[o + END]);
    const eol = EOLS[c.eol[i]!]!;
    const k = kind[i];
    if (k === BLANK) out[i] = { kind: 'blank', raw, eol };
    else if (k === COMMENT) out[i] = { kind: 'comment', raw, eol };
    else if (k === SECTION) out[i] = { kind: 'section', name: text.slice(pos[o + A]! + 1, pos[o + B]).trim(), raw, eol };
    else if (k === ENTRY) {
      const key = internKey(text.slice(pos[o + A], pos[o + B]));
      const valueStart = pos[o + C]! - start;
      const valueEnd = pos[o + D]! - start;
      out[i] = { kind: 'entry', key, rawValue: raw.slice(valueStart, valueEnd), valueStart, valueEnd, raw, eol };
    } else out[i] = { kind: 'invalid', raw, eol };
  }
  return out;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A parsed document is compact (offsets into the text, see compact.ts) until something asks for its `lines`, which an
 * edit does: from then on it is line objects. Reading (sections, issues, toString) never needs the objects.
 */
export class IniDocument {
  private edited: Line[] | undefined;
  private analysis: Analysis | undefined;

  private constructor(
    private compact: CompactLines | undefined,
    lines?: Line[],
  ) {
    this.edited = lines;
  }

  static parse(text: string): IniDocument {
    return new IniDocument(scanLines(text));
  }

  static empty(): IniDocument {
    return new IniDocument(undefined, []);
  }

  /** The lines as objects; callers may change them (the document is no longer compact from then on). */
  get lines(): Line[] {
    if (this.edited === undefined) {
      this.edited = materialise(this.compact!);
      this.compact = undefined;
      this.analysis = undefined;
    }
    return this.edited;
  }

  toString(): string {
    if (this.compact) return this.compact.text;
    let s = '';
    for (const l of this.lines) s += l.raw + l.eol;
    return s;
  }

  private analysed(): Analysis | undefined {
    if (!this.compact) return undefined;
    this.analysis ??= analyse(this.compact);
    return this.analysis;
  }

  /** The line end most lines use (CRLF for an empty document: the originals are Windows files). */
  get eol(): Exclude<Eol, ''> {
    const counts = new Map<Eol, number>();
    const c = this.compact;
    if (c)
      for (let i = 0; i < c.count; i++) {
        const e = EOLS[c.eol[i]!]!;
        if (e) counts.set(e, (counts.get(e) ?? 0) + 1);
      }
    else for (const l of this.lines) if (l.eol) counts.set(l.eol, (counts.get(l.eol) ?? 0) + 1);
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
    const a = this.analysed();
    if (a) return [...a.sections];
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
    const a = this.analysed();
    if (a) return [...a.issues];
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
    if (this.compact) return new IniDocument(this.compact);
    return new IniDocument(
      undefined,
      this.lines.map((l) => ({ ...l })),
    );
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
