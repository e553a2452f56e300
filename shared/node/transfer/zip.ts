/**
 * The export's zip: written with yazl, read by ../zip-read.ts under the format's limits (../../transfer/format.ts): the
 * entry count, each name (fixed list, no traversal, no duplicate) and each declared size checked before anything is
 * inflated; a zip-slip name gets our own code (ER_3513).
 */
import { ZipFile } from 'yazl';
import { text } from '../../messages/text.js';
import { ENTRY_NAMES, LIMITS, entryLimit, isUnsafeEntryName } from '../../transfer/format.js';
import { codedError } from '../coded-error.js';
import { readZipEntries } from '../zip-read.js';

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

/** Every entry by name. Throws ER_3510-3515 (see the catalogue) for anything but an export's shape. */
export async function readZip(bytes: Uint8Array, file: string): Promise<Map<string, Buffer>> {
  if (bytes.length > LIMITS.archiveBytes) throw codedError('ER_3511', { file, size: bytes.length, limit: LIMITS.archiveBytes });
  return readZipEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    broken: (what, cause) => notExport(file, 'notZip' in what ? text(`zip ではありません(${what.notZip})`, `not a zip (${what.notZip})`) : what.reason, cause),
    tooMany: (count) => (count > LIMITS.entries ? codedError('ER_3512', { file, count, limit: LIMITS.entries }) : undefined),
    refuse: (name, entry, seen) => {
      if (isUnsafeEntryName(name)) return codedError('ER_3513', { file, name });
      if (!ENTRY_NAMES.includes(name) || seen.has(name)) return codedError('ER_3514', { file, name });
      if (entry.uncompressedSize > entryLimit(name)) return codedError('ER_3515', { file, name, size: entry.uncompressedSize, limit: entryLimit(name) });
      return undefined;
    },
    overflow: (name, size) => (size > entryLimit(name) ? codedError('ER_3515', { file, name, size, limit: entryLimit(name) }) : undefined),
  });
}
