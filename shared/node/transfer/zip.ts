/**
 * The export's zip: written with yazl, read with yauzl under the format's limits (../../transfer/format.ts). Reading
 * checks the entry count, each name (fixed list, no traversal, no duplicate) and each declared size before anything is
 * inflated; yauzl then checks that the inflated size is the declared one. Names are judged by us (decodeStrings off),
 * so a zip-slip name gets our own code (ER_3513) rather than a library's message.
 */
import { ZipFile } from 'yazl';
import { fromBuffer, type Entry, type ZipFile as ReadZip } from 'yauzl';
import { text } from '../../messages/text.js';
import { ENTRY_NAMES, LIMITS, entryLimit, isUnsafeEntryName } from '../../transfer/format.js';
import { codedError, isCodedError, reasonOf } from '../coded-error.js';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Fixed times, so the same contents give the same bytes (the manifest carries the real time). */
const MTIME = new Date(Date.UTC(2000, 0, 1));

export function writeZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.data), e.name, { mtime: MTIME, mode: 0o100600 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const notExport = (file: string, reason: string | { ja: string; en: string }, cause?: unknown) => codedError('ER_3510', { file, reason }, {}, cause);

function open(bytes: Buffer, file: string): Promise<ReadZip> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (e, z) =>
      e ? reject(notExport(file, text(`zip ではありません(${e.message})`, `not a zip (${e.message})`), e)) : resolve(z),
    );
  });
}

function readEntry(z: ReadZip, entry: Entry, name: string, file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    z.openReadStream(entry, (e, stream) => {
      if (e) return reject(notExport(file, `${name}: ${e.message}`, e));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > entryLimit(name)) {
          stream.destroy();
          reject(codedError('ER_3515', { file, name, size, limit: entryLimit(name) }));
        } else chunks.push(c);
      });
      stream.on('error', (err) => reject(notExport(file, `${name}: ${err.message}`, err)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Every entry by name. Throws ER_3510-3515 (see the catalogue) for anything but an export's shape. */
export async function readZip(bytes: Uint8Array, file: string): Promise<Map<string, Buffer>> {
  if (bytes.length > LIMITS.archiveBytes) throw codedError('ER_3511', { file, size: bytes.length, limit: LIMITS.archiveBytes });
  const z = await open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  if (z.entryCount > LIMITS.entries) {
    z.close();
    throw codedError('ER_3512', { file, count: z.entryCount, limit: LIMITS.entries });
  }
  const out = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      z.on('error', (e: unknown) => reject(isCodedError(e) ? e : notExport(file, reasonOf(e), e)));
      z.on('end', () => resolve());
      z.on('entry', (entry: Entry) => {
        const name = Buffer.from(entry.fileName as unknown as Uint8Array).toString('utf8');
        const fail = (e: unknown): void => {
          z.close();
          reject(e);
        };
        if (isUnsafeEntryName(name)) return fail(codedError('ER_3513', { file, name }));
        if (!ENTRY_NAMES.includes(name) || out.has(name)) return fail(codedError('ER_3514', { file, name }));
        if (entry.uncompressedSize > entryLimit(name))
          return fail(codedError('ER_3515', { file, name, size: entry.uncompressedSize, limit: entryLimit(name) }));
        readEntry(z, entry, name, file).then((data) => {
          out.set(name, data);
          z.readEntry();
        }, fail);
      });
      z.readEntry();
    });
  } finally {
    z.close();
  }
  return out;
}
