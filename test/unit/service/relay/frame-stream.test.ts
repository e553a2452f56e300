import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../../service/routes/frame/codec.js';
import { FrameStreamReader, type ReadEvent } from '../../../../service/relay/frame-stream.js';
import { isCodedError } from '../../../../shared/node/coded-error.js';

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const withCrc = (body: Buffer): Buffer => Buffer.concat([body, u32(crc32(body))]);
const probe = (id: string): Buffer => withCrc(Buffer.concat([Buffer.from('ERPF'), Buffer.from([1, 0x50, 0]), u32(id.length), Buffer.from(id)]));
const report = (id: string, header: string, payload: Buffer): Buffer => encodeFrame({ type: 'report', id, header: Buffer.from(header), payload });

/** What a reader makes of `bytes` cut into the given pieces: the events, with data joined per frame. */
function read(
  pieces: Buffer[],
  r = new FrameStreamReader(),
): { frames: Array<{ type: string; id: string; header?: string; data: Buffer; payloadLength: number }> } {
  const frames: Array<{ type: string; id: string; header?: string; data: Buffer; payloadLength: number }> = [];
  let data: Buffer[] = [];
  let header: string | undefined;
  const on = (ev: ReadEvent): void => {
    if (ev.e === 'begin') {
      data = [];
      header = undefined;
    } else if (ev.e === 'data') data.push(ev.bytes);
    else if (ev.e === 'section' && ev.part === 'header') header = ev.value.toString();
    else if (ev.e === 'end')
      frames.push({ type: ev.type, id: ev.id, ...(header !== undefined ? { header } : {}), data: Buffer.concat(data), payloadLength: ev.payloadLength });
  };
  for (const p of pieces) r.push(p).forEach(on);
  return { frames };
}

const cutAt = (b: Buffer, i: number): Buffer[] => [b.subarray(0, i), b.subarray(i)];
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return isCodedError(e) ? e.problem.code : 'not coded';
  }
  return undefined;
};

describe('FrameStreamReader', () => {
  const payload = Buffer.from(Array.from({ length: 300 }, (_, i) => i & 0xff));
  const r1 = report('11111111-2222-4333-8444-555555555555', '{"a":1}', payload);
  const p1 = probe('probe-1');
  const both = Buffer.concat([r1, p1]);

  it('reads a report and a probe cut at every byte boundary, handing on the exact bytes', () => {
    for (let i = 0; i <= both.length; i++) {
      const { frames } = read(cutAt(both, i));
      expect(
        frames.map((f) => f.type),
        `cut at ${i}`,
      ).toEqual(['report', 'probe']);
      expect(frames[0]!.data.equals(r1), `cut at ${i}`).toBe(true);
      expect(frames[0]!.header).toBe('{"a":1}');
      expect(frames[0]!.payloadLength).toBe(300);
      expect(frames[1]!.id).toBe('probe-1');
    }
  });

  it('reads byte by byte, and in two cuts at every pair of boundaries of a small frame', () => {
    expect(read([...both].map((b) => Buffer.from([b]))).frames[0]!.data.equals(r1)).toBe(true);
    const small = report('x', '{}', Buffer.from('zz'));
    for (let i = 0; i <= small.length; i++)
      for (let j = i; j <= small.length; j++) {
        const { frames } = read([small.subarray(0, i), small.subarray(i, j), small.subarray(j)]);
        expect(frames[0]!.data.equals(small), `${i}/${j}`).toBe(true);
      }
  });

  it('never hands on a frame that is cut short (truncated): no end event', () => {
    for (let i = 0; i < r1.length; i++) expect(read([r1.subarray(0, i)]).frames).toEqual([]);
  });

  it('refuses garbage on its first byte, a bad CRC, an oversized header or payload, and types a manager does not take', () => {
    expect(codeOf(() => new FrameStreamReader().push(Buffer.from('GET / HTTP/1.1\r\n')))).toBe('ER_2250');
    expect(codeOf(() => new FrameStreamReader().push(Buffer.from('E')))).toBeUndefined();
    expect(codeOf(() => new FrameStreamReader().push(Buffer.from('EX')))).toBe('ER_2250');
    const bad = Buffer.from(r1);
    bad[bad.length - 10]! ^= 0xff;
    expect(codeOf(() => new FrameStreamReader().push(bad))).toBe('ER_2252');
    const big = report('y', 'h'.repeat(100), Buffer.alloc(0));
    expect(codeOf(() => new FrameStreamReader({ id: 64, header: 50, payload: 10 }).push(big))).toBe('ER_2251');
    // An oversized payload is refused at its length field, before any of its bytes.
    const huge = Buffer.concat([Buffer.from('ERPF'), Buffer.from([1, 0x52, 0]), u32(1), Buffer.from('z'), u32(2), Buffer.from('{}'), u32(0xffffffff)]);
    expect(codeOf(() => new FrameStreamReader().push(huge))).toBe('ER_2251');
    expect(codeOf(() => new FrameStreamReader().push(encodeFrame({ type: 'ack', id: 'a' })))).toBe('ER_2336');
    expect(codeOf(() => new FrameStreamReader().push(Buffer.from([0x45, 0x52, 0x50, 0x46, 2, 0x52, 0])))).toBe('ER_2253');
  });

  it('is spent after an error', () => {
    const r = new FrameStreamReader();
    expect(codeOf(() => r.push(Buffer.from('nope')))).toBe('ER_2250');
    expect(() => r.push(p1)).toThrow();
  });

  it('is idle only between frames', () => {
    const r = new FrameStreamReader();
    expect(r.idle).toBe(true);
    r.push(p1.subarray(0, 3));
    expect(r.idle).toBe(false);
    r.push(p1.subarray(3));
    expect(r.idle).toBe(true);
  });
});
