/**
 * decodeAs(cp932) decodes and checks `lossless` line by line (issue 16: the whole-file decoder and encoder were the
 * slow part of reading a big file); it must give what decoding the whole buffer and comparing its re-encoding give.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeAs, encodeText } from '../../../../shared/node/encoding.js';

const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

// Bytes that favour the tricky cases: line ends, lead bytes, NEC/IBM rows, bytes CP932 does not map.
const byte = fc.oneof(
  fc.constantFrom(0x0a, 0x0d, 0x41, 0x5c, 0x7e, 0x81, 0x82, 0xa0, 0x87, 0xed, 0xee, 0xfa, 0xfc, 0xfd, 0x80, 0xff, 0x40, 0x9f),
  fc.integer({ min: 0, max: 255 }),
);

describe('decodeAs cp932 lossless', () => {
  it('agrees with re-encoding the whole text', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 60 }), (arr) => {
        const bytes = Uint8Array.from(arr);
        const d = decodeAs(bytes, 'cp932');
        expect(d.text).toBe(iconv.decode(Buffer.from(bytes), 'cp932'));
        expect(d.lossless).toBe(same(encodeText(d), bytes));
      }),
      { numRuns: 2000 },
    );
    expect(decodeAs(Uint8Array.from([0x82, 0xa0, 0x0a, 0xed, 0x40]), 'cp932').lossless).toBe(false);
    expect(decodeAs(Uint8Array.from([0x82, 0xa0, 0x0a, 0x41, 0x0a]), 'cp932').lossless).toBe(true);
  });
});
