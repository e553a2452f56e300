/** A report frame streamed from a payload file (service/routes/frame/stream-writer.ts) is byte for byte encodeFrame's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { encodeFrame, FrameDecoder } from '../../../../../service/routes/frame/codec.js';
import { writeReportFrame } from '../../../../../service/routes/frame/stream-writer.js';
import { isCodedError } from '../../../../../shared/node/coded-error.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stream-writer-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Everything written to a stream that drains slowly (a small high-water mark, so backpressure is exercised). */
async function written(header: Buffer, payload: Buffer | undefined, id = 'r1'): Promise<Buffer> {
  const file = payload ? join(dir, `${randomBytes(6).toString('hex')}.zip`) : undefined;
  if (file && payload) await writeFile(file, payload);
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      setImmediate(cb);
    },
  });
  const n = await writeReportFrame(out, { id, header, ...(file ? { payloadFile: file } : {}) });
  await new Promise<void>((resolve) => out.end(resolve)); // the writer leaves the stream open: the answer comes on it
  const all = Buffer.concat(chunks);
  expect(n).toBe(all.length);
  return all;
}

describe('stream writer', () => {
  it("writes encodeFrame's bytes for the same id, header and payload, and they decode", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.uint8Array({ maxLength: 200_000 }), fc.stringMatching(/^[\x21-\x7e]{1,64}$/), async (h, p, id) => {
        const header = Buffer.from(h);
        const payload = Buffer.from(p);
        const got = await written(header, payload, id);
        expect(got.equals(encodeFrame({ type: 'report', id, header, payload }))).toBe(true);
        expect(new FrameDecoder().push(got)).toEqual([{ type: 'report', id, header, payload }]);
      }),
      { numRuns: 30 },
    );
  });

  it('an absent payload file is an empty payload', async () => {
    const header = Buffer.from('{"id":"r1"}');
    expect((await written(header, undefined)).equals(encodeFrame({ type: 'report', id: 'r1', header, payload: Buffer.alloc(0) }))).toBe(true);
  });

  it('a 5 MiB payload: the same bytes, written in pieces', async () => {
    const payload = randomBytes(5 * 1024 * 1024);
    const got = await written(Buffer.from('{}'), payload);
    expect(got.equals(encodeFrame({ type: 'report', id: 'r1', header: Buffer.from('{}'), payload }))).toBe(true);
  });

  it('refuses an id that is not printable ASCII before writing anything', async () => {
    const out = new PassThrough();
    await expect(writeReportFrame(out, { id: 'a b', header: Buffer.from('{}') })).rejects.toSatisfy((e) => isCodedError(e, 'ER_2253'));
    expect(out.readableLength).toBe(0);
  });

  it('fails, rather than waiting for ever, when the stream is closed under it', async () => {
    const file = join(dir, 'big.zip');
    await writeFile(file, randomBytes(1024 * 1024));
    const out = new Writable({ highWaterMark: 16, write: (_c, _e, _cb) => undefined }); // never drains
    const p = writeReportFrame(out, { id: 'r1', header: Buffer.from('{}'), payloadFile: file });
    setImmediate(() => out.destroy());
    await expect(p).rejects.toThrow();
  });
});
