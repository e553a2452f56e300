/**
 * A section's entries by position, without an object per entry: a 999-tool AMHTPLOG.INF has 200,000 of them, and
 * objects that live as long as the document cost garbage collection. Codecs that read every entry of big sections
 * use this; SectionRef.entries gives the same entries as objects.
 */
import { C, D, STRIDE, type CompactLines } from './compact.js';
import { type EntryRef, type SectionRef } from './types.js';

export interface EntryTable {
  readonly count: number;
  keyAt(j: number): string;
  /** 1-based line number. */
  lineAt(j: number): number;
  rawValueAt(j: number): string;
  entryAt(j: number): EntryRef;
}

/** A section of a compact document: entries as keys and line indices; `entries` is made on first use. */
export class CompactSection implements SectionRef, EntryTable {
  readonly #doc: CompactLines;
  readonly #keys: readonly string[];
  readonly #at: readonly number[];
  #entries: readonly EntryRef[] | undefined;

  constructor(
    readonly name: string,
    readonly line: number,
    doc: CompactLines,
    keys: readonly string[],
    at: readonly number[],
  ) {
    this.#doc = doc;
    this.#keys = keys;
    this.#at = at;
  }

  /** The entries as objects, made when first asked for. */
  get entries(): readonly EntryRef[] {
    this.#entries ??= Array.from({ length: this.count }, (_, j) => this.entryAt(j));
    return this.#entries;
  }

  get count(): number {
    return this.#keys.length;
  }
  keyAt(j: number): string {
    return this.#keys[j]!;
  }
  lineAt(j: number): number {
    return this.#at[j]! + 1;
  }
  rawValueAt(j: number): string {
    const o = this.#at[j]! * STRIDE;
    return this.#doc.text.slice(this.#doc.pos[o + C], this.#doc.pos[o + D]);
  }
  entryAt(j: number): EntryRef {
    return { section: this.name, key: this.keyAt(j), rawValue: this.rawValueAt(j), line: this.lineAt(j) };
  }
}

class ListTable implements EntryTable {
  constructor(private readonly entries: readonly EntryRef[]) {}
  get count(): number {
    return this.entries.length;
  }
  keyAt(j: number): string {
    return this.entries[j]!.key;
  }
  lineAt(j: number): number {
    return this.entries[j]!.line;
  }
  rawValueAt(j: number): string {
    return this.entries[j]!.rawValue;
  }
  entryAt(j: number): EntryRef {
    return this.entries[j]!;
  }
}

export function entryTable(sec: SectionRef): EntryTable {
  return sec instanceof CompactSection ? sec : new ListTable(sec.entries);
}
