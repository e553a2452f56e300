/**
 * The report frame: the codec's decoder (service/routes/frame/codec.ts: the modem route's reader, the center's side) and
 * the manager relay's stream reader (service/relay/frame-stream.ts), both fed the same bytes in random pieces.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { FrameDecoder, encodeFrame, type Frame } from '../../../service/routes/frame/codec.js';
import { FrameStreamReader, type ReadEvent } from '../../../service/relay/frame-stream.js';
import { type Problem } from '../../../shared/messages/problem.js';
import { CodedError } from '../../../shared/node/coded-error.js';
import { mutate } from '../corpus.js';
import { check, type FuzzTarget } from '../harness.js';

const id = fc.stringMatching(/^[\x21-\x7e]{1,64}$/);
const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({
    type: fc.constant('report' as const),
    id,
    header: fc.oneof(
      bytes(64),
      fc.json().map((j) => Buffer.from(j)),
    ),
    payload: bytes(300),
  }),
  fc.record({ type: fc.constant('probe' as const), id }),
  fc.record({ type: fc.constant('sealed' as const), id, envelope: bytes(100) }),
  fc.record({ type: fc.constant('ack' as const), id }),
  fc.record({ type: fc.constant('ack' as const), id, answer: fc.string({ maxLength: 40 }) }),
  fc.record({ type: fc.constant('nak' as const), id, reason: fc.string({ maxLength: 40 }), permanent: fc.boolean() }),
);

export interface FrameInput {
  frames: Frame[];
  bytes: Buffer;
  /** Where the bytes are cut into the pieces the reader is fed. */
  cuts: number[];
  mutated: boolean;
}

const mutation = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), quirk: fc.nat(30), times: fc.integer({ min: 1, max: 4 }) }),
  ),
  { maxLength: 3 },
);

export const frameInput: fc.Arbitrary<FrameInput> = fc
  .tuple(fc.array(frame, { minLength: 0, maxLength: 3 }), mutation, fc.array(fc.nat(), { maxLength: 8 }), fc.uint8Array({ maxLength: 32 }), fc.nat(9))
  .map(([records, ms, cuts, noise, pick]) => {
    const frames = records.map((f) => ({ ...f })); // plain objects, as the decoder makes
    const clean = Buffer.concat(frames.map(encodeFrame));
    // Mostly frames (mutated or not), sometimes bytes that are no frame at all.
    const b = pick === 0 ? Buffer.from(noise) : ms.length > 0 ? mutate(clean, ms) : clean;
    return {
      frames,
      bytes: b,
      cuts: [...new Set(cuts.map((c) => (b.length === 0 ? 0 : c % b.length)))].sort((x, y) => x - y),
      mutated: pick === 0 || ms.length > 0,
    };
  });

export function pieces(b: Buffer, cuts: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...cuts, b.length]) {
    if (c > from) out.push(b.subarray(from, c));
    from = Math.max(from, c);
  }
  return out;
}

interface Read<T> {
  items: T[];
  problem?: Problem;
  /** Bytes fed when it refused. */
  offset: number;
}

function decodeAll(b: Buffer, cuts: readonly number[], accept?: Array<Frame['type']>): Read<Frame> {
  const d = new FrameDecoder(accept ? { accept } : {});
  const items: Frame[] = [];
  let offset = 0;
  // A last empty push: a refusal found after a frame of the last piece is thrown there.
  for (const p of [...pieces(b, cuts), Buffer.alloc(0)]) {
    offset += p.length;
    try {
      items.push(...d.push(p));
    } catch (e) {
      if (!(e instanceof CodedError)) throw e;
      return { items, problem: e.problem, offset };
    }
  }
  return { items, offset };
}

export const frameTarget: FuzzTarget<FrameInput> = {
  name: 'frame',
  properties: [
    'fed in any pieces, the decoder gives the same frames and the same refusal as fed whole',
    'a refusal is ER_2250-ER_2253 at the byte offset reached; nothing else is thrown',
    'frames encoded and decoded come back equal (every type, flags, empty and full sections)',
  ],
  arbitrary: frameInput,
  run(input) {
    const whole = decodeAll(input.bytes, []);
    const cut = decodeAll(input.bytes, input.cuts);
    check(isDeepStrictEqual(cut.items, whole.items), 'pieces gave other frames than the whole');
    check(cut.problem?.code === whole.problem?.code, `pieces refused with ${cut.problem?.code}, the whole with ${whole.problem?.code}`);
    if (whole.problem) check(['ER_2250', 'ER_2251', 'ER_2252', 'ER_2253'].includes(whole.problem.code), `refused with ${whole.problem.code}`);
    if (!input.mutated) check(isDeepStrictEqual(whole.items, input.frames) && !whole.problem, 'encoded frames did not decode to themselves');
    return whole.problem ? { refused: [whole.problem], offset: whole.offset } : { roundTrip: !input.mutated };
  },
};

function streamAll(b: Buffer, cuts: readonly number[]): Read<ReadEvent> & { data: Buffer } {
  const r = new FrameStreamReader();
  const items: ReadEvent[] = [];
  let offset = 0;
  for (const p of pieces(b, cuts)) {
    offset += p.length;
    try {
      items.push(...r.push(p));
    } catch (e) {
      if (!(e instanceof CodedError)) throw e;
      return { items, problem: e.problem, offset, data: dataOf(items) };
    }
  }
  return { items, offset, data: dataOf(items) };
}
const dataOf = (events: ReadEvent[]): Buffer => Buffer.concat(events.flatMap((e) => (e.e === 'data' ? [e.bytes] : [])));

export const relayStreamTarget: FuzzTarget<FrameInput> = {
  name: 'relay-stream',
  properties: [
    "the bytes handed on (data events) are exactly the frames' bytes, in order, whatever the pieces: what the relay stores is what came",
    'it ends the same report and probe frames as the decoder (id, header, payload length); when the decoder refuses, so does it',
    'a refusal is coded (ER_2250-ER_2253, ER_2336 for a frame type an agent must not send) at the byte offset reached',
  ],
  arbitrary: frameInput,
  run(input) {
    const s = streamAll(input.bytes, input.cuts);
    const d = decodeAll(input.bytes, [], ['report', 'probe']);
    const ends = s.items.flatMap((e) => (e.e === 'end' ? [{ type: e.type, id: e.id, payloadLength: e.payloadLength }] : []));
    const frames = d.items.map((f) => ({ type: f.type, id: f.id, payloadLength: f.type === 'report' ? f.payload.length : 0 }));
    const n = Math.min(ends.length, frames.length);
    check(isDeepStrictEqual(ends.slice(0, n), frames.slice(0, n)), 'the relay ended other frames than the decoder');
    if (!s.problem) check(ends.length >= frames.length, 'the decoder ended a frame the relay did not');
    if (d.problem) check(s.problem !== undefined, `the decoder refused (${d.problem.code}) what the relay let through`);
    check(input.bytes.subarray(0, s.data.length).equals(s.data), 'the data handed on is not the bytes that came');
    const headers = s.items.flatMap((e) => (e.e === 'section' && e.part === 'header' ? [e.value] : []));
    const decodedHeaders = d.items.flatMap((f) => (f.type === 'report' ? [f.header] : []));
    check(
      decodedHeaders.every((h, i) => i >= headers.length || h.equals(headers[i]!)),
      'a header differs between the relay and the decoder',
    );
    if (s.problem) check(['ER_2250', 'ER_2251', 'ER_2252', 'ER_2253', 'ER_2336'].includes(s.problem.code), `refused with ${s.problem.code}`);
    return s.problem ? { refused: [s.problem], offset: s.offset } : { roundTrip: !input.mutated };
  },
};
