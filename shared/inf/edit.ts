/**
 * Batched, minimal edits of one IniDocument, for the encoders. IniDocument.get/set rescan the whole document on
 * every call, which makes writing a 999-tool AMHTPLOG.INF quadratic (minutes); here the document is indexed once,
 * changed values are replaced in place, and removals, insertions and new sections are applied in one pass at the end.
 * The result says what the same IniDocument.set/delete/deleteSection calls would make it say (test/unit/shared/inf/edit.test.ts
 * checks this), with a blank line before each section we add. One editor serves one batch: finish() spends it.
 */
import { IniDocument, type EntryLine, type EntryRef, type Eol, type Line, type SectionRef } from '../ini/document.js';

interface Span {
  name: string;
  header: number;
  /** Index of the section's last entry or invalid line (the header when none): new keys go after it. */
  last: number;
  /** Line indices of each key (lower-case), in order. */
  keys: Map<string, number[]>;
}
interface NewSection {
  name: string;
  lines: Line[];
  /** Entries by lower-case key (the first of each). */
  keys: Map<string, EntryLine>;
}

const lower = (s: string): string => s.toLowerCase();

/** The line with another value in the same span, as IniDocument.set edits a line. */
function withValue(l: EntryLine, rawValue: string): EntryLine {
  const raw = l.raw.slice(0, l.valueStart) + rawValue + l.raw.slice(l.valueEnd);
  return { ...l, raw, rawValue, valueEnd: l.valueStart + rawValue.length };
}

export class DocEdit {
  private readonly spans = new Map<string, Span[]>();
  private readonly removed = new Set<number>();
  private readonly after = new Map<number, Line[]>();
  /** New keys of existing sections, by `header index + key`, so a second set or a get sees them. */
  private readonly queued = new Map<string, EntryLine>();
  private readonly added = new Map<string, NewSection>();
  private readonly eol: Exclude<Eol, ''>;

  constructor(readonly doc: IniDocument) {
    this.eol = doc.eol;
    let cur: Span | undefined;
    doc.lines.forEach((l, i) => {
      if (l.kind === 'section') {
        cur = { name: l.name, header: i, last: i, keys: new Map() };
        const all = this.spans.get(lower(l.name)) ?? [];
        all.push(cur);
        this.spans.set(lower(l.name), all);
      } else if (cur && (l.kind === 'entry' || l.kind === 'invalid')) {
        cur.last = i;
        if (l.kind !== 'entry') return;
        const k = lower(l.key);
        const at = cur.keys.get(k);
        if (at) at.push(i);
        else cur.keys.set(k, [i]);
      }
    });
  }

  /** The section Windows reads (the first of the name), unless removed. */
  private span(section: string): Span | undefined {
    return this.spans.get(lower(section))?.[0];
  }

  private pending(section: string): NewSection | undefined {
    return this.added.get(lower(section));
  }

  hasSection(section: string): boolean {
    return this.span(section) !== undefined || this.pending(section) !== undefined;
  }

  /** The section as it was read (for comparing), or undefined if it is new or gone. */
  section(section: string): SectionRef | undefined {
    const s = this.span(section);
    if (!s) return undefined;
    const entries: EntryRef[] = [];
    for (const idx of [...s.keys.values()].flat().sort((a, b) => a - b)) {
      if (this.removed.has(idx)) continue;
      const l = this.doc.lines[idx] as EntryLine;
      entries.push({ section: s.name, key: l.key, rawValue: l.rawValue, line: idx + 1 });
    }
    return { name: s.name, line: s.header + 1, entries };
  }

  /** The current raw value of a key, or undefined when absent. */
  get(section: string, key: string): string | undefined {
    const s = this.span(section);
    if (s) {
      const idx = s.keys.get(lower(key))?.find((i) => !this.removed.has(i));
      if (idx === undefined) return this.queued.get(`${s.header}:${lower(key)}`)?.rawValue;
      return (this.doc.lines[idx] as EntryLine).rawValue;
    }
    return this.pending(section)?.keys.get(lower(key))?.rawValue;
  }

  set(section: string, key: string, rawValue: string): void {
    if (/[\r\n]/.test(rawValue)) throw new Error('INI values cannot contain line breaks');
    const s = this.span(section);
    const idx = s?.keys.get(lower(key))?.find((i) => !this.removed.has(i));
    if (idx !== undefined) {
      this.doc.lines[idx] = withValue(this.doc.lines[idx] as EntryLine, rawValue);
      return;
    }
    const raw = `${key}=${rawValue}`;
    const fresh: EntryLine = { kind: 'entry', key, rawValue, valueStart: key.length + 1, valueEnd: raw.length, raw, eol: this.eol };
    let lines: Line[];
    let keys: Map<string, EntryLine>;
    let id: string;
    if (s) {
      lines = this.after.get(s.last) ?? [];
      this.after.set(s.last, lines);
      keys = this.queued;
      id = `${s.header}:${lower(key)}`;
    } else {
      const p = this.pending(section) ?? this.newSection(section, [this.header(section)]);
      lines = p.lines;
      keys = p.keys;
      id = lower(key);
    }
    // A key added earlier in this batch keeps its line and spelling, as IniDocument.set keeps an existing line.
    const same = keys.get(id);
    const line = same ? withValue(same, rawValue) : fresh;
    if (same) lines[lines.indexOf(same)] = line;
    else lines.push(line);
    keys.set(id, line);
  }

  /** Adds an empty section at the end unless it exists. */
  ensureSection(section: string): void {
    if (!this.hasSection(section)) this.newSection(section, [this.header(section)]);
  }

  /** Adds a new section written out in full (the manual's own layout), e.g. `URL= https://...`. */
  appendSection(section: string, lines: readonly string[]): void {
    this.newSection(section, IniDocument.parse(lines.map((l) => l + this.eol).join('')).lines);
  }

  private newSection(name: string, lines: Line[]): NewSection {
    const keys = new Map<string, EntryLine>();
    for (const l of lines) if (l.kind === 'entry' && !keys.has(lower(l.key))) keys.set(lower(l.key), l);
    const s = { name, lines, keys };
    this.added.set(lower(name), s);
    return s;
  }

  /** Removes every occurrence of a key in the section Windows reads. */
  deleteKey(section: string, key: string): void {
    const s = this.span(section);
    if (s) {
      for (const i of s.keys.get(lower(key)) ?? []) this.removed.add(i);
      const id = `${s.header}:${lower(key)}`;
      const line = this.queued.get(id);
      const queue = this.after.get(s.last);
      if (line && queue) queue.splice(queue.indexOf(line), 1);
      this.queued.delete(id);
      return;
    }
    const pending = this.pending(section);
    const line = pending?.keys.get(lower(key));
    if (pending && line) {
      pending.lines = pending.lines.filter((l) => !(l.kind === 'entry' && lower(l.key) === lower(key)));
      pending.keys.delete(lower(key));
    }
  }

  /** Removes every section of that name, header to last entry (duplicates too, or the next would be read instead). */
  deleteSection(section: string): void {
    for (const s of this.spans.get(lower(section)) ?? []) {
      for (let i = s.header; i <= s.last; i++) this.removed.add(i);
      this.after.delete(s.last);
    }
    this.spans.delete(lower(section));
    this.added.delete(lower(section));
  }

  private header(name: string): Line {
    return { kind: 'section', name, raw: `[${name}]`, eol: this.eol };
  }

  /** Applies the queued removals, insertions and new sections; returns the document. */
  finish(): IniDocument {
    const out: Line[] = [];
    const push = (l: Line): void => {
      const prev = out[out.length - 1];
      if (prev && prev.eol === '') prev.eol = this.eol;
      out.push(l);
    };
    this.doc.lines.forEach((l, i) => {
      if (!this.removed.has(i)) out.push(l);
      for (const a of this.after.get(i) ?? []) push(a);
    });
    for (const s of this.added.values()) {
      const last = out[out.length - 1];
      if (last && last.kind !== 'blank') push({ kind: 'blank', raw: '', eol: this.eol });
      for (const l of s.lines) push(l);
    }
    this.doc.lines.length = 0;
    for (const l of out) this.doc.lines.push(l);
    this.removed.clear();
    this.after.clear();
    this.queued.clear();
    this.added.clear();
    return this.doc;
  }
}
