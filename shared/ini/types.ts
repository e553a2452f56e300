/** The shapes of an INI document's lines and of what it reads from them (see document.ts). */
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
