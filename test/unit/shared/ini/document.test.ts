import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { IniDocument, quote, unquote } from '../../../../shared/ini/document.js';
import { syntaxProblems } from '../../../../shared/ini/issues.js';

const sample = '; comment\r\n[URL1]\r\nURL= https://a.example/x.cgi\r\n\r\n# other\r\n[Tool001]\r\nCommand="c:\\x\\x.bat"\r\nUnknown = keep me \r\n';

describe('IniDocument', () => {
  it('returns the input exactly when untouched', () => {
    expect(IniDocument.parse(sample).toString()).toBe(sample);
  });

  it('reads sections and entries case-insensitively, keeping spelling and lines', () => {
    const doc = IniDocument.parse(sample);
    expect(doc.get('url1', 'url')).toEqual({ section: 'URL1', key: 'URL', rawValue: 'https://a.example/x.cgi', line: 3 });
    expect(doc.get('Tool001', 'Command')?.rawValue).toBe('"c:\\x\\x.bat"');
    expect(doc.get('Tool001', 'unknown')?.rawValue).toBe('keep me');
  });

  it('changes only the value span of an edited line', () => {
    const doc = IniDocument.parse(sample);
    doc.set('URL1', 'URL', 'https://b.example/y.cgi');
    expect(doc.toString()).toBe(sample.replace('https://a.example/x.cgi', 'https://b.example/y.cgi'));
  });

  it('appends a new key after the last entry of its section, in the document line ends', () => {
    const doc = IniDocument.parse(sample);
    doc.set('URL1', 'Extra', '1');
    expect(doc.toString()).toBe(sample.replace('x.cgi\r\n', 'x.cgi\r\nExtra=1\r\n'));
  });

  it('appends a new section at the end, terminating a last line that had no line end', () => {
    const doc = IniDocument.parse('[A]\nk=v');
    doc.set('B', 'x', 'y');
    expect(doc.toString()).toBe('[A]\nk=v\n[B]\nx=y\n');
  });

  it('deletes keys and whole sections', () => {
    const doc = IniDocument.parse(sample);
    expect(doc.delete('Tool001', 'Unknown')).toBe(true);
    expect(doc.deleteSection('URL1')).toBe(true);
    expect(doc.toString()).toBe('; comment\r\n\r\n# other\r\n[Tool001]\r\nCommand="c:\\x\\x.bat"\r\n');
    expect(doc.delete('Nope', 'x')).toBe(false);
  });

  it('reports invalid lines, keys outside sections and duplicates with their lines', () => {
    const doc = IniDocument.parse('k=1\n[A]\na=1\nA=2\ngarbage\n[a]\n');
    expect(doc.syntaxIssues()).toEqual([
      { kind: 'outside-section', line: 1, key: 'k' },
      { kind: 'duplicate-key', line: 4, section: 'A', key: 'A', first: 3 },
      { kind: 'invalid-line', line: 5, raw: 'garbage' },
      { kind: 'duplicate-section', line: 6, section: 'a', first: 2 },
    ]);
    expect(syntaxProblems(doc, 'x.ini').map((p) => [p.code, p.line])).toEqual([
      ['ER_4021', 1],
      ['ER_4020', 4],
      ['ER_4018', 5],
      ['ER_4019', 6],
    ]);
  });

  it('uses the dominant line end for new lines (CRLF for an empty document)', () => {
    expect(IniDocument.parse('a\nb\nc\r\n').eol).toBe('\n');
    expect(IniDocument.empty().eol).toBe('\r\n');
  });

  it('round-trips any text byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '=', ';', '#', '"', ' ', '\r', '\n', 'a', 'キ', '\t'), maxLength: 200 }), (s) => {
        expect(IniDocument.parse(s).toString()).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(IniDocument.parse(s).toString()).toBe(s);
      }),
    );
  });

  it('quote and unquote are inverse for any one-line value', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }).filter((v) => !/[\r\n]/.test(v)),
        (v) => {
          expect(unquote(quote(v)).value).toBe(v);
          expect(unquote(quote(v, true)).value).toBe(v);
        },
      ),
    );
  });

  it('reads what follows a closing quote as trailing text, and flags an unclosed quote', () => {
    expect(unquote('"c:\\x.bat" /q')).toEqual({ value: 'c:\\x.bat', quoted: true, trailing: '/q', unclosed: false });
    expect(unquote('"c:\\x.bat')).toMatchObject({ unclosed: true });
  });
});
