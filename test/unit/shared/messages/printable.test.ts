import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { printable, printableLines } from '../../../../shared/messages/printable.js';
import { formatProblem, problem } from '../../../../shared/messages/problem.js';

// Every character a terminal or a log viewer may act on instead of showing: C0 but tab, DEL, C1, bidi marks, separators.
const ACTIVE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('printable', () => {
  it('writes ESC sequences, bells, carriage returns and line feeds as visible escapes', () => {
    expect(printable('\u001b[31mred\u001b]0;title\u0007')).toBe('\\x1b[31mred\\x1b]0;title\\x07');
    expect(printable('a\r\nb')).toBe('a\\x0d\\x0ab');
    expect(printable('\u009b2J\u007f')).toBe('\\u009b2J\\u007f'); // the 8-bit CSI (C1) and DEL, as JSON writes them
    expect(printable('abc\u202edcba')).toBe('abc\\u202edcba'); // right-to-left override
    expect(printable('x\u2066y\u2069')).toBe('x\\u2066y\\u2069');
  });

  it('keeps tabs, backslashes of Windows paths and Japanese as they are', () => {
    const s = 'c:\\ESM\\getlog.bat\t; ログ収集の定義 ﾃｽﾄ';
    expect(printable(s)).toBe(s);
  });

  it('printableLines keeps line feeds (help, pretty JSON) but nothing else', () => {
    expect(printableLines('a\nb\r\u001b[2J')).toBe('a\nb\\x0d\\x1b[2J');
  });

  it('leaves nothing a terminal acts on, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(printable(s)).not.toMatch(ACTIVE);
        expect(printableLines(s).replace(/\n/g, '')).not.toMatch(ACTIVE);
      }),
    );
  });
});

describe('formatProblem', () => {
  it('is one line with no control character, whatever a definition file put in the quoted value', () => {
    const p = problem('ER_4018', { value: '\u001b[31mBAD\u001b]0;title\u0007\nfake.INF:1: ER_6001 all fine' }, { file: 'AMHTPLOG.INF', line: 4 });
    const line = formatProblem(p, 'en');
    expect(line).toBe(
      'AMHTPLOG.INF:4: ER_4018 This line cannot be understood: "\\x1b[31mBAD\\x1b]0;title\\x07\\x0afake.INF:1: ER_6001 all fine". Write a [section], a key=value pair or a comment starting with ;.',
    );
    expect(line).not.toMatch(ACTIVE);
  });
});
