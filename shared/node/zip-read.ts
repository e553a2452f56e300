/**
 * A zip read whole with yauzl under the caller's rules: the entry count, then each entry's name and declared size are
 * judged before anything is inflated, and the inflated size is checked against the declared one. Names reach the
 * caller undecoded (decodeStrings off) so a zip-slip name gets the caller's own code rather than a library's message.
 * One reader for the settings export (transfer/zip.ts) and the backup archive (backup/archive.ts).
 */
import { type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { isCodedError, reasonOf } from './coded-error.js';

export interface ZipReadRules {
  /** The error for bytes that are not a zip (notZip: the library's words), or a zip that cannot be read (reason). */
  broken(what: { notZip: string } | { reason: string }, cause: unknown): Error;
  /** The error when the zip holds more entries than allowed, or undefined. */
  tooMany(count: number): Error | undefined;
  /** The error for an entry refused by its name, a repeat or its declared size, or undefined to read it. */
  refuse(name: string, entry: Entry, seen: ReadonlyMap<string, Buffer>): Error | undefined;
  /** The error when an entry inflates beyond what it may hold, or undefined (a guard besides yauzl's size check). */
  overflow(name: string, size: number): Error | undefined;
}

function open(bytes: Buffer, rules: ZipReadRules): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false }, (e, z) =>
      e ? reject(rules.broken({ notZip: e.message }, e)) : resolve(z),
    );
  });
}

/**
 * One entry's bytes. Inflated here, not by yauzl: yauzl 2.10 replaces its streams' destroy(), so on Node 20 its size
 * check failing (an entry whose declared size lies) destroys the stream with neither an error nor an end, and the read
 * never finished. Our own inflater ends or fails; the declared size is checked both ways.
 */
function readEntry(z: ZipFile, entry: Entry, name: string, rules: ZipReadRules): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const opened = (e: Error | null, raw?: Readable): void => {
      if (e || !raw) return reject(rules.broken({ reason: `${name}: ${e?.message ?? 'no data'}` }, e));
      const out = entry.compressionMethod === 8 ? raw.pipe(createInflateRaw()) : raw;
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const stop = (err: Error): void => {
        if (settled) return;
        settled = true;
        raw.unpipe();
        raw.destroy();
        if (out !== raw) out.destroy();
        reject(err);
      };
      raw.on('error', (err) => stop(rules.broken({ reason: `${name}: ${err.message}` }, err)));
      out.on('error', (err) => stop(rules.broken({ reason: `${name}: ${err.message}` }, err)));
      out.on('data', (c: Buffer) => {
        size += c.length;
        const over = rules.overflow(name, size);
        if (over) return stop(over);
        if (size > entry.uncompressedSize)
          return stop(rules.broken({ reason: `${name}: more than the ${entry.uncompressedSize} bytes it declares` }, undefined));
        chunks.push(c);
      });
      out.on('end', () => {
        if (settled) return;
        if (size !== entry.uncompressedSize)
          return stop(rules.broken({ reason: `${name}: ${size} bytes, not the ${entry.uncompressedSize} it declares` }, undefined));
        settled = true;
        resolve(Buffer.concat(chunks));
      });
    };
    try {
      if (entry.compressionMethod === 8) z.openReadStream(entry, { decompress: false, decrypt: null, start: null, end: null }, opened);
      else z.openReadStream(entry, opened);
    } catch (e) {
      reject(rules.broken({ reason: `${name}: ${reasonOf(e)}` }, e));
    }
  });
}

/** Every entry by its name (UTF-8), or the first refusal the rules give. */
export async function readZipEntries(bytes: Buffer, rules: ZipReadRules): Promise<Map<string, Buffer>> {
  const z = await open(bytes, rules);
  const many = rules.tooMany(z.entryCount);
  if (many) {
    z.close();
    throw many;
  }
  const out = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      z.on('error', (e: unknown) => reject(isCodedError(e) ? e : rules.broken({ reason: reasonOf(e) }, e)));
      z.on('end', () => resolve());
      const fail = (e: unknown): void => {
        z.close();
        reject(e);
      };
      // yauzl throws from readEntry when a damaged directory points outside the buffer (RangeError from Buffer.copy):
      // a refusal, and never a throw inside a then() that nobody catches.
      const next = (): void => {
        try {
          z.readEntry();
        } catch (e) {
          fail(rules.broken({ reason: reasonOf(e) }, e));
        }
      };
      z.on('entry', (entry: Entry) => {
        const name = Buffer.from(entry.fileName as unknown as Uint8Array).toString('utf8');
        const refused = rules.refuse(name, entry, out);
        if (refused) return fail(refused);
        readEntry(z, entry, name, rules).then((data) => {
          out.set(name, data);
          next();
        }, fail);
      });
      next();
    });
  } finally {
    z.close();
  }
  return out;
}
