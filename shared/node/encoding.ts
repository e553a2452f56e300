/**
 * Text encodings of the definition files. The originals are Windows files written either in Shift_JIS (as CP932,
 * Microsoft's superset with the NEC/IBM extensions) or in UTF-8, with or without a BOM. We read both and write a file
 * back in its own encoding, so tools on the Windows side keep reading it.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { text as localized } from '../messages/text.js';
import { codedError } from './coded-error.js';

export type TextEncodingName = 'utf-8' | 'cp932';

export interface EncodedText {
  text: string;
  encoding: TextEncodingName;
  /** A UTF-8 byte order mark was (or is to be) written first. Always false for CP932, which has none. */
  bom: boolean;
}

export interface DecodedText extends EncodedText {
  /**
   * encodeText() of this result gives back exactly the input bytes. False when the file has bytes that are not valid
   * in its encoding (they decode to U+FFFD) or that CP932 maps twice (NEC-selected IBM extensions, rows 0xED/0xEE, are
   * written back as the IBM codes 0xFA-0xFC, as Windows does): the caller should warn that an edit changes them.
   */
  lossless: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
// ignoreBOM: the BOM is handled (and stripped) by us.
const looseUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A plain Uint8Array view of a Buffer, so callers and tests never depend on Buffer's extras. */
function plain(buf: Uint8Array): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// isUtf8 (simdutf) validates as the fatal decoder does and is many times faster on a big file; the plain decode after
// it then cannot meet an invalid byte.
function tryStrictUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  // Splitting off ASCII lines pays only for big files.
  if (bytes.length < 65536) return asBuffer(bytes).toString('utf8');
  return decodeMostlyAscii(asBuffer(bytes), (piece) => piece.toString('utf8'));
}

/**
 * Decode in a known encoding (no detection). For UTF-8 a leading BOM is stripped and reported; invalid bytes become
 * U+FFFD in either encoding. Never throws.
 */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  let result: EncodedText;
  if (encoding === 'utf-8') {
    const bom = hasUtf8Bom(bytes);
    result = { text: looseUtf8.decode(bom ? bytes.subarray(UTF8_BOM.length) : bytes), encoding, bom };
  } else {
    return { ...decodeCp932(bytes), encoding, bom: false };
  }
  return { ...result, lossless: sameBytes(encodeText(result), bytes) };
}

/**
 * Decodes `buf`, copying the ASCII-only lines straight (they decode and encode to themselves in both encodings; a
 * codec call per byte is the slow part of reading a big file) and passing runs of lines with other bytes to `other`.
 * Split only after a line feed: 0x0A is never part of a UTF-8 sequence nor a CP932 trail byte (after a lead byte it is
 * read again on its own), and an encoder holds nothing after a text ending with '\n'.
 */
function decodeMostlyAscii(buf: Buffer, other: (piece: Buffer) => string): string {
  const latin1 = buf.toString('latin1'); // one character per byte: finds non-ASCII bytes with a native search
  const nonAscii = /[\x80-\xff]/g;
  let text = '';
  let done = 0;
  for (let m = nonAscii.exec(latin1); m; m = nonAscii.exec(latin1)) {
    const start = latin1.lastIndexOf('\n', m.index) + 1;
    let end = start;
    // Following lines with non-ASCII bytes join this run, so the codec is called once for a block.
    do {
      const nl = latin1.indexOf('\n', m ? m.index : end);
      end = nl < 0 ? latin1.length : nl + 1;
      nonAscii.lastIndex = end;
      m = nonAscii.exec(latin1);
    } while (m && latin1.lastIndexOf('\n', m.index) + 1 === end);
    text += latin1.slice(done, start);
    text += other(buf.subarray(start, end));
    done = end;
    if (!m) break;
    nonAscii.lastIndex = m.index;
  }
  return text + latin1.slice(done);
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** iconv.decode(bytes, 'cp932') and whether re-encoding gives the bytes back. */
function decodeCp932(bytes: Uint8Array): { text: string; lossless: boolean } {
  let lossless = true;
  const text = decodeMostlyAscii(asBuffer(bytes), (piece) => {
    const decoded = iconv.decode(piece, 'cp932');
    if (lossless) lossless = sameBytes(iconv.encode(decoded, 'cp932'), piece);
    return decoded;
  });
  return { text, lossless };
}

/**
 * Detect and decode: a UTF-8 BOM means UTF-8; otherwise bytes that are valid UTF-8 are UTF-8 (pure ASCII included,
 * identical either way); anything else is CP932. Throws only for a UTF-16 / UTF-32 byte order mark (ER_4031, below).
 *
 * Short CP932 text can happen to be valid UTF-8 (e.g. half-width katakana "ﾃｽ" = C3 BD = "ý"). Real UTF-8 files here
 * are Japanese, so valid UTF-8 whose only non-ASCII characters are Latin-1 (U+0080-U+00FF) is read as CP932 when
 * CP932 reads it cleanly.
 */
/** Non-ASCII present, and all of it in U+0080-U+00FF. */
function onlyLatin1(text: string): boolean {
  // Regular expressions search natively: a loop over every character of a 5 MB file costs milliseconds.
  return !/[^\x00-\xff]/.test(text) && /[\x80-\xff]/.test(text);
}

/** Encodings a BOM can announce that we do not read (UTF-32 first: its little-endian BOM starts like UTF-16's). */
const UNSUPPORTED_BOMS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

/** The name of the unsupported encoding whose byte order mark starts `bytes` (UTF-16 / UTF-32), if any. */
export function unsupportedEncoding(bytes: Uint8Array): string | undefined {
  return UNSUPPORTED_BOMS.find(([, bom]) => bom.every((b, i) => bytes[i] === b))?.[0];
}

/**
 * A file in UTF-16 or UTF-32 (Notepad's "Unicode") would be read as CP932 garbage and reported line by line; it is
 * refused whole instead, with one message naming the file (ER_4031: save it as Shift_JIS or UTF-8). `path` names the
 * file in that message; callers that read a file should pass it.
 */
export function decodeText(bytes: Uint8Array, path?: string): DecodedText {
  const unsupported = unsupportedEncoding(bytes);
  if (unsupported) {
    const name = path ?? localized('このファイル', 'This file');
    throw codedError('ER_4031', { path: name, encoding: unsupported }, path === undefined ? {} : { file: path, line: 1 });
  }
  if (hasUtf8Bom(bytes)) return decodeAs(bytes, 'utf-8');
  const text = tryStrictUtf8(bytes);
  // Valid UTF-8 re-encodes to the same bytes, so no need to compare.
  if (text !== undefined && !onlyLatin1(text)) return { text, encoding: 'utf-8', bom: false, lossless: true };
  const sjis = decodeAs(bytes, 'cp932');
  if (text !== undefined && (!sjis.lossless || sjis.text.includes('\ufffd'))) return { text, encoding: 'utf-8', bom: false, lossless: true };
  return sjis;
}

/**
 * Encode for writing. Characters CP932 cannot represent become '?' (iconv-lite's replacement); check with
 * unencodable() first when that matters. `bom` is ignored for CP932.
 */
export function encodeText({ text, encoding, bom }: EncodedText): Uint8Array {
  if (encoding === 'cp932') return plain(iconv.encode(text, 'cp932'));
  const body = utf8Encoder.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}

/**
 * The characters of `text` that would not come back unchanged from `encoding` (for CP932: characters outside it,
 * and '¥'/'‾', which CP932 writes as '\' and '~'). Empty means the text is safe to write.
 */
export function unencodable(text: string, encoding: TextEncodingName): string[] {
  const bad = new Set<string>();
  for (const ch of text) {
    if (encoding === 'utf-8') {
      // A lone surrogate cannot be written as UTF-8 (TextEncoder would write U+FFFD).
      if (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff') bad.add(ch);
    } else if (iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') !== ch) {
      bad.add(ch);
    }
  }
  return [...bad];
}
