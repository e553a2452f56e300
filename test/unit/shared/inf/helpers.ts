import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { IniDocument } from '../../../../shared/ini/document.js';
import { type Problem } from '../../../../shared/messages/problem.js';

/** A text fixture of test/fixtures/inf/text (CRLF, UTF-8). */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../fixtures/inf/text/${name}`, import.meta.url)), 'utf8');
}

/** Lines joined with CRLF, ending with one, as the originals are written. */
export const crlf = (...lines: string[]): string => lines.map((l) => `${l}\r\n`).join('');

/** `base` with `line` replaced by `by` (or `by` appended when `line` is undefined), as CRLF text. */
export function variantOf(base: readonly string[], line: string | undefined, ...by: string[]): string {
  if (line === undefined) return crlf(...base, ...by);
  const i = base.indexOf(line);
  if (i < 0) throw new Error(`no line ${line}`);
  return crlf(...base.slice(0, i), ...by, ...base.slice(i + 1));
}

export const doc = (text: string): IniDocument => IniDocument.parse(text);

/** The 1-based line of the first line that is exactly `line` (so a test names the line, not its number). */
export function lineOf(text: string, line: string): number {
  const i = text.split(/\r\n|\n|\r/).indexOf(line);
  if (i < 0) throw new Error(`no line ${JSON.stringify(line)}`);
  return i + 1;
}

/** A short view of problems for readable failures. */
export const brief = (ps: readonly Problem[]): Array<{ code: string; line: number | undefined; field: string | undefined }> =>
  ps.map((p) => ({ code: p.code, line: p.line, field: p.field }));

/** Exactly one problem, of this code, at this line (and field when given), located in `file`. */
export function expectOne(ps: readonly Problem[], code: string, line: number, field?: string, file = 'F.INF'): Problem {
  expect(brief(ps)).toEqual([{ code, line, field: field ?? ps[0]?.field }]);
  const p = ps[0]!;
  expect(p.file).toBe(file);
  if (field !== undefined) expect(p.field).toBe(field);
  return p;
}

/** Every problem names the file and a line inside the document (line 1 for an empty one). */
export function expectLocated(ps: readonly Problem[], d: IniDocument, file: string): void {
  const max = Math.max(1, d.lines.length);
  for (const p of ps) {
    expect(p.file).toBe(file);
    expect(Number.isInteger(p.line)).toBe(true);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(max);
  }
}

export const errors = (ps: readonly Problem[]): Problem[] => ps.filter((p) => p.severity === 'error');
