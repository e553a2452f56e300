import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeAs, decodeText, encodeText, unencodable, unsupportedEncoding } from '../../../../shared/node/encoding.js';
import { isCodedError } from '../../../../shared/node/coded-error.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/inf/sjis/${name}`, import.meta.url))));
const sjis = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'cp932'));

describe('decodeText', () => {
  it('round-trips Shift_JIS with CRLF byte for byte', () => {
    const text = '; ログ収集の定義\r\n[Tool001]\r\nSourceName01=atapi\r\nCommand="c:\\ESM\\tools\\getlog.bat"\r\n';
    const bytes = sjis(text);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text, encoding: 'cp932', bom: false, lossless: true });
    expect(encodeText(decoded)).toEqual(bytes);
  });

  it.each(['AMHTPLOG.INF', 'AMHTPADR.INF', 'AMHTPHBI.INF'])('reads the Shift_JIS fixture %s losslessly', (name) => {
    const bytes = fixture(name);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('cp932');
    expect(decoded.lossless).toBe(true);
    expect(decoded.text).toMatch(/^; .*の定義/);
    expect(decoded.text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(encodeText(decoded)).toEqual(bytes);
  });

  it('keeps backslashes and 0x5C trail bytes apart (表, ソ)', () => {
    const decoded = decodeText(fixture('AMHTPLOG.INF'));
    expect(decoded.text).toContain('表示される ｱﾗｰﾄ');
    expect(decoded.text).toContain('Command="c:\\ESM\\tools\\getlog.bat"\r\n');
    expect(decoded.text).toContain('EventID01=0xc0040006,0xc0040007\r\n');
    expect(decodeText(sjis('ソフト=表\r\n')).text).toBe('ソフト=表\r\n');
  });

  it('reads UTF-8 without a BOM', () => {
    const text = '; ログ収集\r\nTimeOut=600\r\n';
    const bytes = new TextEncoder().encode(text);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-8', bom: false, lossless: true });
  });

  it('reads UTF-8 with a BOM, strips it from the text and writes it back', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[URL1]\r\nURL= https://x/\r\n')]);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: '[URL1]\r\nURL= https://x/\r\n', encoding: 'utf-8', bom: true, lossless: true });
    expect(encodeText(decoded)).toEqual(bytes);
  });

  it('reads pure ASCII as UTF-8 (the same bytes either way)', () => {
    const bytes = sjis('[URL1]\r\nURL= https://13.13.13.133/\r\n');
    expect(decodeText(bytes)).toMatchObject({ encoding: 'utf-8', lossless: true });
    expect(encodeText(decodeText(bytes))).toEqual(bytes);
  });

  it('reads half-width katakana in CP932 (single bytes 0xA1-0xDF)', () => {
    const text = 'Name=ｴｸｽﾌﾟﾚｽ ﾚﾎﾟｰﾄ\r\n';
    const bytes = sjis(text);
    expect(bytes.length).toBe(text.length); // one byte each
    expect(decodeText(bytes)).toEqual({ text, encoding: 'cp932', bom: false, lossless: true });
  });

  it('reports invalid bytes as not lossless', () => {
    // 0x81 0x20 is a lead byte without a valid trail; 0xFD is not CP932 at all.
    const bytes = new Uint8Array([...sjis('; 定義\r\n'), 0x81, 0x20, 0xfd, 0x0d, 0x0a]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('cp932');
    expect(decoded.text).toContain('\ufffd');
    expect(decoded.lossless).toBe(false);
  });

  it('reports broken UTF-8 after a BOM as not lossless', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]));
    expect(decoded).toMatchObject({ text: 'A\ufffdB', encoding: 'utf-8', bom: true, lossless: false });
  });

  it('decodes empty input as lossless UTF-8', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false, lossless: true });
  });
});

describe('encodeText and unencodable', () => {
  it('never writes a BOM in CP932', () => {
    expect(encodeText({ text: 'ア', encoding: 'cp932', bom: true })).toEqual(new Uint8Array([0x83, 0x41]));
  });

  it('names the characters CP932 cannot keep', () => {
    expect(unencodable('ログ😀Ω¥', 'cp932')).toEqual(['😀', '¥']);
    expect(unencodable('ログ😀', 'utf-8')).toEqual([]);
    expect(unencodable('a\ud800', 'utf-8')).toEqual(['\ud800']);
  });
});

// Every character CP932 decodes and encodes back to itself (single bytes, then every lead/trail pair).
const cp932Chars: string[] = (() => {
  const chars = new Set<string>();
  const add = (bytes: number[]): void => {
    const ch = iconv.decode(Buffer.from(bytes), 'cp932');
    const back = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932');
    if ([...ch].length === 1 && ch !== '\ufffd' && back === ch) chars.add(ch);
  };
  for (let b = 0; b <= 0xdf; b++) if (b < 0x80 || b >= 0xa1) add([b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  return [...chars];
})();

describe('properties', () => {
  it('has a sizeable CP932 repertoire to draw from', () => {
    expect(cp932Chars.length).toBeGreaterThan(7000);
  });

  it('never throws on arbitrary bytes (but a UTF-16 / UTF-32 byte order mark), and lossless means the bytes come back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        if (unsupportedEncoding(bytes) !== undefined) {
          expect(() => decodeText(bytes)).toThrow(/ER_4031/);
          return;
        }
        const decoded = decodeText(bytes);
        expect(decoded.lossless).toBe(Buffer.from(encodeText(decoded)).equals(Buffer.from(bytes)));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeAs cp932 inverts encodeText for any CP932 text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...cp932Chars), { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        const decoded = decodeAs(encodeText({ text, encoding: 'cp932', bom: false }), 'cp932');
        expect(decoded).toEqual({ text, encoding: 'cp932', bom: false, lossless: true });
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeText of CP932 text gives the text back, or (when the bytes happen to be UTF-8) the same bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...cp932Chars), { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        const bytes = encodeText({ text, encoding: 'cp932', bom: false });
        const decoded = decodeText(bytes);
        expect(decoded.lossless).toBe(true);
        expect(encodeText(decoded)).toEqual(bytes);
        if (decoded.encoding === 'cp932') expect(decoded.text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('encode then decode is the identity for UTF-8 text, with or without a BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.boolean(), (text, bom) => {
        fc.pre(!text.startsWith('\ufeff'));
        const decoded = decodeText(encodeText({ text, encoding: 'utf-8', bom }));
        expect(decoded).toEqual({ text, encoding: 'utf-8', bom, lossless: true });
      }),
    );
  });
});

describe('UTF-16 and UTF-32 (issue 10 item 12)', () => {
  const bom = (...b: number[]) => new Uint8Array([...b, ...new TextEncoder().encode('[URL1]\r\n')]);
  it.each([
    ['UTF-16LE', bom(0xff, 0xfe)],
    ['UTF-16BE', bom(0xfe, 0xff)],
    ['UTF-32LE', bom(0xff, 0xfe, 0x00, 0x00)],
    ['UTF-32BE', bom(0x00, 0x00, 0xfe, 0xff)],
  ])('refuses a file with a %s byte order mark with one coded problem naming the file', (name, bytes) => {
    expect(unsupportedEncoding(bytes)).toBe(name);
    let thrown: unknown;
    try {
      decodeText(bytes, '/x/AMHTPADR.INF');
    } catch (e) {
      thrown = e;
    }
    expect(isCodedError(thrown, 'ER_4031')).toBe(true);
    expect(isCodedError(thrown) && thrown.problem).toMatchObject({ file: '/x/AMHTPADR.INF', line: 1 });
    expect(isCodedError(thrown) && thrown.problem.message.en).toBe(
      `/x/AMHTPADR.INF is saved as ${name}, which is not supported: save it as Shift_JIS or UTF-8.`,
    );
  });

  it('still reads UTF-8 with its BOM, and Shift_JIS (no CP932 text starts with these bytes)', () => {
    expect(unsupportedEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBeUndefined();
    expect(decodeText(sjis('; ログ')).encoding).toBe('cp932');
  });
});

describe('short Shift_JIS that is also valid UTF-8', () => {
  it('is read as CP932 when UTF-8 would give only Latin-1 letters', () => {
    const bytes = new Uint8Array(iconv.encode('ﾃｽ', 'cp932'));
    expect(decodeText(bytes)).toMatchObject({ text: 'ﾃｽ', encoding: 'cp932', lossless: true });
    expect(decodeText(new TextEncoder().encode('é; ログ'))).toMatchObject({ text: 'é; ログ', encoding: 'utf-8' });
  });
});
