/**
 * The frame a report goes out in, built once per send (before the port is opened: no point in dialling when the
 * report cannot be framed): the report as JSON, the collected-logs zip read whole (a frame states its lengths up
 * front, and S/MIME needs the whole content anyway), and, with `mail.smime` on, both sealed to the center certificate.
 */
import { type Readable } from 'node:stream';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { isCodedError, reasonOf } from '../../../shared/node/coded-error.js';
import { type Report } from '../../../shared/report/model.js';
import { encodeFrame, FRAME_LIMITS, sealedContent } from './codec.js';
import { envelopeDer } from '../smime.js';

export type Built = { ok: true; bytes: Buffer } | { ok: false; problem: Problem; retry: boolean };

export interface OutgoingOptions {
  attachment?: () => Readable;
  /** Set when `mail.smime` is on: the center certificate (PEM), or undefined when there is none. */
  seal?: { certificate: () => Promise<string | undefined> };
  maxPayload?: number;
}

/** Reads the zip, refusing it as soon as it passes `max` (a cap, not a buffer of the whole oversized file). */
async function readCapped(stream: Readable, max: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; size: number } | { ok: false; error: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > max) {
        stream.destroy();
        return { ok: false, size };
      }
      chunks.push(b);
    }
  } catch (error) {
    return { ok: false, error };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

export async function outgoingFrame(report: Report, o: OutgoingOptions): Promise<Built> {
  const max = o.maxPayload ?? FRAME_LIMITS.payload;
  let payload: Buffer = Buffer.alloc(0);
  if (o.attachment) {
    const read = await readCapped(o.attachment(), max);
    if (!read.ok && 'size' in read) return { ok: false, problem: problem('ER_2273', { size: read.size, max }), retry: false };
    if (!read.ok) return { ok: false, problem: problem('ER_2015', { reason: reasonOf(read.error) }), retry: true };
    payload = read.bytes;
  }
  const header = Buffer.from(JSON.stringify(report), 'utf8');
  if (!o.seal) {
    try {
      return { ok: true, bytes: encodeFrame({ type: 'report', id: report.id, header, payload }) };
    } catch (e) {
      return { ok: false, problem: isCodedError(e) ? e.problem : problem('ER_2253', { reason: reasonOf(e) }), retry: false };
    }
  }

  let pem: string | undefined;
  try {
    pem = await o.seal.certificate();
  } catch (e) {
    return { ok: false, problem: problem('ER_2272', { reason: reasonOf(e) }), retry: true };
  }
  if (!pem) return { ok: false, problem: problem('ER_2271', {}, { field: 'mail.smime' }), retry: false };
  try {
    return { ok: true, bytes: encodeFrame({ type: 'sealed', id: report.id, envelope: envelopeDer(sealedContent(header, payload), pem) }) };
  } catch (e) {
    return { ok: false, problem: isCodedError(e) ? e.problem : problem('ER_2272', { reason: reasonOf(e) }), retry: false };
  }
}
