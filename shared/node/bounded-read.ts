/**
 * The one way a file named by the user (a key file, a definition file given to `inf show`, a value on standard input)
 * is read: the file is opened without blocking (a FIFO would otherwise hang the open), its type and size are checked on
 * the open handle before anything is read (a device such as /dev/zero or a FIFO is refused, ER_1090), and at most
 * limit + 1 bytes are ever read (a file larger than the limit, or one growing while it is read, is refused, ER_1091).
 * So a wrong path costs one stat, never gigabytes of memory.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { text, type LocalizedText } from '../messages/text.js';
import { codedError, errnoCode, isCodedError, reasonOf } from './coded-error.js';

const CHUNK = 64 * 1024;

/** Limits by what is read. A key file is a few KB (docs/key-file.md); definition files leave room for 999 tools. */
export const READ_LIMITS = {
  keyFile: 1024 * 1024,
  definitionFile: 16 * 1024 * 1024,
  stdinValue: 64 * 1024,
} as const;

function kindOf(st: Stats): LocalizedText {
  if (st.isDirectory()) return text('フォルダ', 'a folder');
  if (st.isFIFO()) return text('名前付きパイプ', 'a named pipe (FIFO)');
  if (st.isCharacterDevice()) return text('キャラクタデバイス', 'a character device');
  if (st.isBlockDevice()) return text('ブロックデバイス', 'a block device');
  if (st.isSocket()) return text('ソケット', 'a socket');
  return text('通常のファイル以外', 'not a regular file');
}

/**
 * The file's bytes, or undefined when there is no such file. Throws CodedError ER_1090 (not a regular file),
 * ER_1091 (larger than `limit`) or ER_1001 (cannot be read, with the system's reason).
 */
export async function readFileBounded(path: string, limit: number): Promise<Uint8Array | undefined> {
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting; regular files ignore it.
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw codedError('ER_1001', { path, reason: reasonOf(e) }, {}, e);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw codedError('ER_1090', { path, kind: kindOf(st) });
    if (st.size > limit) throw codedError('ER_1091', { path, limit });
    // Read to the end, not to the size stat gave: the file may change meanwhile, but never past limit + 1 bytes.
    const chunks: Uint8Array[] = [];
    let got = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(CHUNK, limit + 1 - got));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      got += bytesRead;
      if (got > limit) throw codedError('ER_1091', { path, limit });
    }
    const all = Buffer.concat(chunks, got);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  } catch (e) {
    if (isCodedError(e)) throw e;
    throw codedError('ER_1001', { path, reason: reasonOf(e) }, {}, e);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * A stream (standard input) read up to `limit` bytes: past that, reading stops and ER_1091 names `what`.
 * The stream is destroyed then, so a producer such as `< /dev/zero` is not drained to the end.
 */
export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?(): void }, limit: number, what: LocalizedText): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += chunk.length;
    if (size > limit) {
      stream.destroy?.();
      throw codedError('ER_1091', { path: what, limit });
    }
    chunks.push(chunk);
  }
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}
