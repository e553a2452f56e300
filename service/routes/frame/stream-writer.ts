/**
 * A report frame written to a stream with its payload read from a file, piece by piece: the agent's collected logs go
 * to a manager without ever being held whole in memory (docs/report-format.md, "Manager relay"). The payload's length
 * is the file's size, known before the first byte goes out; the CRC-32 is summed over each piece as it is written.
 * The bytes are exactly encodeFrame's for the same id, header and payload.
 */
import { open } from 'node:fs/promises';
import { type Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { reportFrameHead } from './codec.js';

/** Pieces read from the file at a time: small enough to keep memory flat, large enough for few system calls. */
const PIECE = 64 * 1024;

export interface StreamedReport {
  id: string;
  /** The report's JSON header (held in memory: it is small, at most 1 MiB by the frame's limit). */
  header: Buffer;
  /** The payload file (the collected-logs zip); undefined = an empty payload. */
  payloadFile?: string;
}

/** Writes one piece, waiting for the stream to drain when its buffer is full (backpressure); fails if it closes first. */
function put(out: Writable, b: Buffer, signal?: AbortSignal): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(out.errored ?? new Error('the connection is closed'));
  if (out.write(b)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (e?: Error): void => {
      out.off('drain', onDrain).off('error', done).off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
      if (e) reject(e);
      else resolve();
    };
    const onDrain = (): void => done();
    const onClose = (): void => done(out.errored ?? new Error('the connection closed'));
    const onAbort = (): void => done(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    out.on('drain', onDrain).on('error', done).on('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Writes the frame to `out` (left open: the caller reads the answer on it). Throws a CodedError when the frame would
 * break a limit (ER_2251/ER_2253), the stream's error when it fails, or an Error when the file changed size meanwhile.
 * Returns the number of bytes written.
 */
export async function writeReportFrame(out: Writable, r: StreamedReport, signal?: AbortSignal): Promise<number> {
  const file = r.payloadFile ? await open(r.payloadFile, 'r') : undefined;
  try {
    const size = file ? (await file.stat()).size : 0;
    const head = reportFrameHead(r.id, r.header, size);
    let crc = crc32(head);
    await put(out, head, signal);
    let sent = 0;
    if (file) {
      for (;;) {
        signal?.throwIfAborted();
        // A fresh buffer per piece: a written Buffer may still sit in the socket's queue.
        const buf = Buffer.allocUnsafe(Math.min(PIECE, Math.max(1, size - sent)));
        const { bytesRead } = await file.read(buf, 0, buf.length, sent);
        if (bytesRead === 0) break;
        if (sent + bytesRead > size) throw new Error(`the payload file grew while it was being sent (${size} bytes announced)`);
        const piece = buf.subarray(0, bytesRead);
        crc = crc32(piece, crc);
        sent += bytesRead;
        await put(out, piece, signal);
      }
      if (sent !== size) throw new Error(`the payload file shrank while it was being sent (${sent} of ${size} bytes)`);
    }
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc);
    await put(out, tail, signal);
    return head.length + size + 4;
  } finally {
    await file?.close();
  }
}
