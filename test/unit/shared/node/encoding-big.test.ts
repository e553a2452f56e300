import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText } from '../../../../shared/node/encoding.js';

// Files of 64 KiB and more are decoded line-wise (ASCII lines copied straight): the text must be the whole-buffer decode.
const line = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', '=', '[', ']', ' ', '0'), maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'キ', 'é', '日', '😀', ' '), maxLength: 20 }),
);
const eol = fc.constantFrom('\r\n', '\n', '\r');
const big = fc.tuple(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 30 }), fc.boolean()).map(([ls, lastEol]) => {
  const block = ls.map(([l, e]) => l + e).join('');
  const text = block.repeat(Math.ceil(70_000 / Math.max(block.length, 1)));
  return lastEol ? text : text + 'tail';
});

describe('decodeText of big UTF-8 files', () => {
  it('gives the same text as decoding the whole buffer', () => {
    fc.assert(
      fc.property(big, (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(bytes.length).toBeGreaterThanOrEqual(65536);
        const d = decodeText(bytes);
        const nonAscii = /[^\x00-\x7f]/.test(text);
        const latin1Only = nonAscii && !/[^\x00-\xff]/.test(text);
        if (!latin1Only) {
          expect(d.encoding).toBe('utf-8');
          expect(d.text).toBe(text);
          expect(d.lossless).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('bites: a big file with one invalid UTF-8 byte is not read as UTF-8', () => {
    const bytes = new TextEncoder().encode('a=1\r\n'.repeat(20_000) + 'キ\r\n');
    bytes[50_000] = 0xff;
    expect(decodeText(bytes).encoding).toBe('cp932');
  });
});
