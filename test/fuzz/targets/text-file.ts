/** Reading a text file as the config folder does: bytes -> the encoding found (decodeText) -> the INI document. */
import { IniDocument } from '../../../shared/ini/document.js';
import { decodeText, encodeText, type DecodedText } from '../../../shared/node/encoding.js';
import { check } from '../harness.js';

export interface ReadText {
  decoded: DecodedText;
  doc: IniDocument;
}

/**
 * decodeText then IniDocument.parse; throws ER_4031 (UTF-16/32) as the readers' callers expect. Checks the lossless
 * layers on the way: the document gives its text back exactly, and a file read losslessly encodes to its own bytes.
 */
export function readText(bytes: Buffer, file: string): ReadText & { roundTrip: boolean } {
  const decoded = decodeText(bytes, file);
  const doc = IniDocument.parse(decoded.text);
  check(doc.toString() === decoded.text, `${file}: the document does not give its text back`);
  if (decoded.lossless) check(Buffer.from(encodeText(decoded)).equals(bytes), `${file}: read as lossless ${decoded.encoding} but encodes to other bytes`);
  return { decoded, doc, roundTrip: decoded.lossless };
}

/** Writes a document back as its file was: same encoding and BOM. */
export const bytesOf = (doc: IniDocument, d: DecodedText): Buffer => Buffer.from(encodeText({ text: doc.toString(), encoding: d.encoding, bom: d.bom }));
