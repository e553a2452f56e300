import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IniDocument } from '../../../../shared/ini/document.js';

/** The same text read compact (as parsed) and from line objects (as after an edit) must read the same. */
function bothWays(text: string): void {
  const compact = IniDocument.parse(text);
  const objects = IniDocument.parse(text);
  void objects.lines; // from here on it reads from line objects
  expect(compact.syntaxIssues()).toEqual(objects.syntaxIssues());
  const plain = (d: IniDocument) => d.sections().map((s) => ({ name: s.name, line: s.line, entries: [...s.entries] }));
  expect(plain(compact)).toEqual(plain(objects));
  expect(compact.eol).toBe(objects.eol);
  expect(compact.toString()).toBe(text);
  expect(objects.toString()).toBe(text);
  expect(compact.clone().toString()).toBe(text);
}

// Sections that repeat, or nearly repeat, the previous one's keys: the compact reader reuses keys by position and
// skips the duplicate check while a section follows a clean previous one.
const key = fc.constantFrom('a', 'A', 'b', 'SourceName01', 'sourcename01', 'EventID01', 'k ', ' k', 'k\t');
const section = fc.record({
  name: fc.constantFrom('S', 's', 'T', 'Tool001', ' x '),
  keys: fc.array(key, { maxLength: 6 }),
  garbage: fc.boolean(),
});
const structured = fc
  .array(section, { maxLength: 6 })
  .chain((secs) =>
    fc
      .constantFrom('\r\n', '\n', '\r')
      .map((eol) => secs.map((s) => [`[${s.name}]`, ...s.keys.map((k, i) => `${k}=v${i}`), ...(s.garbage ? ['nothing here'] : [])].join(eol)).join(eol)),
  );
// The same key list several times, then a change: the fast path must still see a duplicate added later.
const repeated = fc.tuple(fc.array(key, { minLength: 1, maxLength: 5 }), fc.nat(5), key).map(([keys, times, extra]) => {
  const body = keys.map((k, i) => `${k}=${i}`).join('\n');
  const secs = Array.from({ length: times + 1 }, (_, i) => `[S${i}]\n${body}`);
  return [...secs, `[Last]\n${body}\n${extra}=x`].join('\n');
});

describe('compact INI document', () => {
  it('reads like line objects: examples', () => {
    bothWays('k=1\n[A]\na=1\nA=2\ngarbage\n[a]\nx=1\n[B]\na=1\nA=2\n[C]\na=1\nb=2\n[D]\na=1\nb=2\nB=3\r\n; c\r\n\r\n[E]x\n[F]\n=v\n');
    bothWays('');
    bothWays('[A]\r\na=1\r\na=2');
  });

  it('reads like line objects: arbitrary characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('[', ']', '=', ';', '#', '"', ' ', '\r', '\n', 'a', 'A', 'キ', '\t', '\u3000'), maxLength: 200 }),
        bothWays,
      ),
      { numRuns: 300 },
    );
  });

  it('reads like line objects: sections that repeat their keys', () => {
    fc.assert(fc.property(structured, bothWays), { numRuns: 300 });
    fc.assert(fc.property(repeated, bothWays), { numRuns: 300 });
  });

  it('bites: a duplicate key in a section that repeats a clean one is reported', () => {
    const issues = IniDocument.parse('[A]\na=1\nb=2\n[B]\na=1\nb=2\nA=3\n').syntaxIssues();
    expect(issues).toEqual([{ kind: 'duplicate-key', line: 7, section: 'B', key: 'A', first: 5 }]);
  });

  it('edits after reading work on the line objects and keep the rest byte for byte', () => {
    const text = '; x\r\n[A]\r\na = 1 \r\n[B]\r\nb=2';
    const doc = IniDocument.parse(text);
    expect(doc.get('a', 'A')?.rawValue).toBe('1');
    doc.set('A', 'a', '9');
    expect(doc.toString()).toBe(text.replace('a = 1 ', 'a = 9 '));
    expect(doc.get('A', 'a')?.rawValue).toBe('9');
  });
});
