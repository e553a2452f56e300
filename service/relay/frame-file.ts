/**
 * A stored frame, `<state>/relay/received/<id>.frame` (the exact bytes an agent sent, docs/report-format.md "Frame"),
 * read back in parts: its header (the report as JSON) and its payload (the collected-logs zip) as a stream, so a
 * forwarded report's attachment is never held whole in memory. The frame was verified (CRC) when it was stored; these
 * readers only follow its section lengths, and refuse a file whose lengths do not fit it (ER_2253).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { codedError } from '../../shared/node/coded-error.js';
import { FRAME_LIMITS, FRAME_MAGIC } from '../routes/frame/codec.js';

/** magic(4) version(1) type(1) flags(1) */
const PRELUDE = 7;
const REPORT = 0x52; // 'R'

/** Where the receiver stores a report's frame once it is durable. */
export const receivedFrame = (stateDir: string, id: string): string => join(stateDir, 'relay', 'received', `${id}.frame`);

/** Where each section of a stored report frame lies (byte offsets in the file). */
export interface FrameLayout {
  id: string;
  header: { offset: number; length: number };
  payload: { offset: number; length: number };
}

const bad = (file: string, why: string): Error => codedError('ER_2253', { reason: `${file}: ${why}` });

async function readAt(fh: FileHandle, offset: number, length: number, file: string): Promise<Buffer> {
  const b = Buffer.alloc(length);
  const { bytesRead } = await fh.read(b, 0, length, offset);
  if (bytesRead !== length) throw bad(file, `ends at byte ${offset + bytesRead}, inside a section`);
  return b;
}

/** The layout of a stored report frame, read from its length fields (a few small reads, never the payload). */
export async function layoutOf(file: string): Promise<FrameLayout> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const prelude = await readAt(fh, 0, PRELUDE, file);
    if (!prelude.subarray(0, 4).equals(FRAME_MAGIC) || prelude[5] !== REPORT) throw bad(file, 'not a stored report frame');
    let at = PRELUDE;
    const section = async (max: number): Promise<{ offset: number; length: number }> => {
      const length = (await readAt(fh, at, 4, file)).readUInt32BE(0);
      if (length > max || at + 4 + length > size) throw bad(file, `a section of ${length} bytes does not fit`);
      const s = { offset: at + 4, length };
      at += 4 + length;
      return s;
    };
    const idAt = await section(FRAME_LIMITS.id);
    const header = await section(FRAME_LIMITS.header);
    const payload = await section(FRAME_LIMITS.payload);
    if (at + 4 !== size) throw bad(file, `${size - at} bytes where the 4-byte CRC should end it`);
    return { id: (await readAt(fh, idAt.offset, idAt.length, file)).toString('ascii'), header, payload };
  } finally {
    await fh.close();
  }
}

/** The stored report's header: the report as the agent sent it (JSON bytes, UTF-8), for shared/report/relayed.ts. */
export async function headerOf(file: string): Promise<Buffer> {
  const { header } = await layoutOf(file);
  const fh = await open(file, 'r');
  try {
    return await readAt(fh, header.offset, header.length, file);
  } finally {
    await fh.close();
  }
}

/**
 * A fresh stream of the payload section per call (a route reads it once per destination tried). A file that is gone or
 * does not fit its lengths fails the stream, which the route reports as an attachment it could not read (ER_2015).
 */
export function payloadOf(file: string): () => Readable {
  return () =>
    Readable.from(
      (async function* () {
        const { payload } = await layoutOf(file);
        if (payload.length === 0) return;
        yield* createReadStream(file, { start: payload.offset, end: payload.offset + payload.length - 1 });
      })(),
      { objectMode: false },
    );
}
