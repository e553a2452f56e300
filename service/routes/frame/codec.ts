/**
 * The report frame that the modem route and the manager relay share (docs/design.md section 6): a report, or a receiver's
 * acknowledgement, as length-prefixed sections behind a magic and closed by a CRC-32, so a byte stream that arrives in
 * pieces (a modem line, a TCP socket) can be cut into whole frames and damaged ones refused. Layout, byte by byte:
 * docs/report-format.md, "Frame (modem and manager relay)".
 */
import { crc32 } from 'node:zlib';
import { codedError } from '../../../shared/node/coded-error.js';
import { type LocalizedText } from '../../../shared/messages/text.js';

export const FRAME_MAGIC = Buffer.from('ERPF', 'ascii');
export const FRAME_VERSION = 1;
/** magic(4) version(1) type(1) flags(1) */
const PRELUDE = 7;
const MiB = 1024 * 1024;

/** The largest section of each kind a frame may carry (a receiver may lower `payload`). */
export const FRAME_LIMITS = {
  id: 64,
  header: 1 * MiB,
  payload: 64 * MiB,
  reason: 4096,
  /** An ACK's answer (the manager's coded words on how the center answered), like a NAK's reason. */
  answer: 4096,
  /** CMS around header + payload: two lengths, AES padding and the recipient info fit well in 64 KiB. */
  envelope: 1 * MiB + 64 * MiB + 64 * 1024,
} as const;

export type Frame =
  /** A report in clear: its JSON header and the collected-logs zip (empty when there is none). */
  | { type: 'report'; id: string; header: Buffer; payload: Buffer }
  /** A report whose header and payload are sealed in a CMS EnvelopedData (S/MIME) to the center certificate. */
  | { type: 'sealed'; id: string; envelope: Buffer }
  /**
   * `answer` (optional, flag 0x02): the manager's coded words on a forwarded test / activation notification (how the
   * center answered, by which route). An ACK without it (a center, an older manager, a stored report) is the id alone.
   */
  | { type: 'ack'; id: string; answer?: string }
  /** `permanent`: the center will never take this report (malformed...); else "try again later". */
  | { type: 'nak'; id: string; reason: string; permanent: boolean }
  /** "Are you a manager that would take a report now?" (test-connection); answered by ack or nak with the same id. */
  | { type: 'probe'; id: string };

type Part = 'id' | 'header' | 'payload' | 'reason' | 'answer' | 'envelope';
const TYPES = { report: 0x52, sealed: 0x53, ack: 0x41, nak: 0x4e, probe: 0x50 } as const; // 'R' 'S' 'A' 'N' 'P'
const SECTIONS: Record<Frame['type'], readonly Part[]> = {
  report: ['id', 'header', 'payload'],
  sealed: ['id', 'envelope'],
  ack: ['id'],
  nak: ['id', 'reason'],
  probe: ['id'],
};
const NAK_PERMANENT = 0x01;
const ACK_ANSWER = 0x02;
/** The sections of a frame of this type with these flags (an ACK with ACK_ANSWER has one more). */
const partsOf = (type: Frame['type'], flags: number): readonly Part[] => (type === 'ack' && flags & ACK_ANSWER ? ['id', 'answer'] : SECTIONS[type]);
/** The flag bits each type may carry; any other is refused. */
const ALLOWED_FLAGS: Partial<Record<Frame['type'], number>> = { nak: NAK_PERMANENT, ack: ACK_ANSWER };
const PART_NAMES: Record<Part, LocalizedText> = {
  id: { ja: '通報 ID', en: 'report id' },
  header: { ja: 'ヘッダー', en: 'header' },
  payload: { ja: '添付データ', en: 'payload' },
  reason: { ja: '理由', en: 'reason' },
  answer: { ja: '応答', en: 'answer' },
  envelope: { ja: 'S/MIME データ', en: 'S/MIME envelope' },
};

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const hex32 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

/** Up to 16 bytes as hex and as text, for a message about bytes that are not a frame. */
export function showBytes(b: Buffer): string {
  const head = b.subarray(0, 16);
  const text = [...head].map((c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.')).join('');
  return `${head.toString('hex').replace(/(..)(?!$)/g, '$1 ')} "${text}"`;
}

function tooLong(part: Part, length: number, max: number): never {
  throw codedError('ER_2251', { part: PART_NAMES[part], length, max });
}

const ID_OK = /^[\x21-\x7e]+$/;

function sectionsOf(f: Frame): Buffer[] {
  const id = Buffer.from(f.id, 'ascii');
  switch (f.type) {
    case 'report':
      return [id, f.header, f.payload];
    case 'sealed':
      return [id, f.envelope];
    case 'ack':
      return f.answer === undefined ? [id] : [id, Buffer.from(f.answer, 'utf8')];
    case 'probe':
      return [id];
    case 'nak':
      return [id, Buffer.from(f.reason, 'utf8')];
  }
}

function flagsOf(f: Frame): number {
  if (f.type === 'nak') return f.permanent ? NAK_PERMANENT : 0;
  return f.type === 'ack' && f.answer !== undefined ? ACK_ANSWER : 0;
}

/** The bytes of one frame; a section over its limit or an id that is not printable ASCII is refused. */
export function encodeFrame(f: Frame): Buffer {
  if (!ID_OK.test(f.id)) throw codedError('ER_2253', { reason: 'the report id must be printable ASCII' });
  const sections = sectionsOf(f);
  const flags = flagsOf(f);
  const parts = partsOf(f.type, flags);
  const out: Buffer[] = [FRAME_MAGIC, Buffer.from([FRAME_VERSION, TYPES[f.type], flags])];
  sections.forEach((s, i) => {
    const part = parts[i]!;
    if (s.length > FRAME_LIMITS[part]) tooLong(part, s.length, FRAME_LIMITS[part]);
    out.push(u32(s.length), s);
  });
  const body = Buffer.concat(out);
  return Buffer.concat([body, u32(crc32(body))]);
}

/**
 * A report frame's bytes before its payload (prelude, id, header, the payload's length), for a sender that streams the
 * payload from a file (stream-writer.ts) and then the CRC-32 over all of it; the same checks as encodeFrame.
 */
export function reportFrameHead(id: string, header: Buffer, payloadLength: number): Buffer {
  if (!ID_OK.test(id)) throw codedError('ER_2253', { reason: 'the report id must be printable ASCII' });
  const idBytes = Buffer.from(id, 'ascii');
  for (const [part, length] of [
    ['id', idBytes.length],
    ['header', header.length],
    ['payload', payloadLength],
  ] as const) {
    if (length > FRAME_LIMITS[part]) tooLong(part, length, FRAME_LIMITS[part]);
  }
  return Buffer.concat([
    FRAME_MAGIC,
    Buffer.from([FRAME_VERSION, TYPES.report, 0]),
    u32(idBytes.length),
    idBytes,
    u32(header.length),
    header,
    u32(payloadLength),
  ]);
}

/** What a sealed frame's envelope holds once opened: u32 header length, header, u32 payload length, payload. */
export function sealedContent(header: Buffer, payload: Buffer): Buffer {
  return Buffer.concat([u32(header.length), header, u32(payload.length), payload]);
}

/** The header and payload inside an opened envelope (the inverse of sealedContent). */
export function openSealedContent(content: Buffer): { header: Buffer; payload: Buffer } {
  const at = (offset: number, part: Part): Buffer => {
    if (content.length < offset + 4) throw codedError('ER_2253', { reason: `the sealed content ends inside the ${part} length` });
    const n = content.readUInt32BE(offset);
    if (n > FRAME_LIMITS[part]) tooLong(part, n, FRAME_LIMITS[part]);
    if (content.length < offset + 4 + n) throw codedError('ER_2253', { reason: `the sealed content ends inside the ${part}` });
    return content.subarray(offset + 4, offset + 4 + n);
  };
  const header = at(0, 'header');
  const payload = at(4 + header.length, 'payload');
  if (content.length !== 8 + header.length + payload.length) throw codedError('ER_2253', { reason: 'bytes after the sealed payload' });
  return { header, payload };
}

type State =
  | { at: 'prelude' }
  | { at: 'length'; type: Frame['type']; flags: number; sections: Buffer[] }
  | { at: 'section'; type: Frame['type']; flags: number; sections: Buffer[]; length: number }
  | { at: 'crc'; type: Frame['type']; flags: number; sections: Buffer[] };

const typeOf = (byte: number): Frame['type'] | undefined => (Object.keys(TYPES) as Array<Frame['type']>).find((t) => TYPES[t] === byte);

/**
 * Cuts a byte stream into frames, whatever the pieces it arrives in. `feed` bytes, then `next()` until it says
 * undefined (a frame is not complete yet). A damaged stream throws a CodedError (ER_2250-ER_2253); the decoder is then
 * spent (a receiver answers NAK and drops the connection: there is no way to find the next frame's start reliably).
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private state: State = { at: 'prelude' };
  private crc = 0;
  /** Bytes of the current frame consumed so far (0 = between frames). */
  private taken = 0;
  private readonly limits: Record<Part, number>;
  private readonly accept: ReadonlySet<Frame['type']> | undefined;
  /** The refusal found after the frames a push returned: thrown by the next push. */
  private failed: unknown;

  /** `accept`: the frame types this reader expects (the sender waiting for ACK/NAK); any other is refused at its prelude. */
  constructor(opts: { maxPayload?: number; accept?: ReadonlyArray<Frame['type']> } = {}) {
    this.limits = { ...FRAME_LIMITS, payload: opts.maxPayload ?? FRAME_LIMITS.payload };
    this.accept = opts.accept ? new Set(opts.accept) : undefined;
  }

  /** No byte of a frame is waiting: the stream is between frames. */
  get idle(): boolean {
    return this.taken === 0 && this.buffered === 0;
  }

  feed(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /**
   * Feeds a chunk and returns every frame it completes. Bytes that are no frame after a complete one (in the same chunk)
   * do not take that frame away: it is returned, and the refusal is thrown by the next push.
   */
  push(chunk: Buffer): Frame[] {
    if (this.failed) throw this.failed;
    this.feed(chunk);
    const frames: Frame[] = [];
    try {
      for (let f = this.next(); f; f = this.next()) frames.push(f);
    } catch (e) {
      if (frames.length === 0) throw e;
      this.failed = e;
    }
    return frames;
  }

  /** The bytes fed but not yet used (e.g. what follows the last frame), handed back; the decoder starts afresh. */
  rest(): Buffer {
    const b = Buffer.concat(this.chunks);
    this.chunks = [];
    this.buffered = 0;
    this.state = { at: 'prelude' };
    this.crc = 0;
    this.taken = 0;
    return b;
  }

  next(): Frame | undefined {
    for (;;) {
      const s = this.state;
      if (s.at === 'prelude') {
        this.checkMagic();
        const p = this.take(PRELUDE);
        if (!p) return undefined;
        if (p[4] !== FRAME_VERSION) throw codedError('ER_2253', { reason: `version ${p[4]} (this program reads version ${FRAME_VERSION})` });
        const type = typeOf(p[5]!);
        if (!type) throw codedError('ER_2253', { reason: `unknown frame type 0x${p[5]!.toString(16).padStart(2, '0')}` });
        if (this.accept && !this.accept.has(type))
          throw codedError('ER_2253', { reason: `a ${type} frame where only ${[...this.accept].join(' or ')} may come` });
        const allowed = ALLOWED_FLAGS[type] ?? 0;
        if ((p[6]! & ~allowed) !== 0) throw codedError('ER_2253', { reason: `unknown flags 0x${p[6]!.toString(16).padStart(2, '0')}` });
        this.state = { at: 'length', type, flags: p[6]!, sections: [] };
      } else if (s.at === 'length') {
        const b = this.take(4);
        if (!b) return undefined;
        const length = b.readUInt32BE(0);
        const part = partsOf(s.type, s.flags)[s.sections.length]!;
        if (length > this.limits[part]) tooLong(part, length, this.limits[part]);
        this.state = { ...s, at: 'section', length };
      } else if (s.at === 'section') {
        const b = this.take(s.length);
        if (!b) return undefined;
        const sections = [...s.sections, b];
        this.state = sections.length === partsOf(s.type, s.flags).length ? { ...s, at: 'crc', sections } : { ...s, at: 'length', sections };
      } else {
        const want = this.crc;
        const b = this.take(4, false);
        if (!b) return undefined;
        const got = b.readUInt32BE(0);
        if (got !== want) throw codedError('ER_2252', { got: hex32(got), want: hex32(want) });
        this.state = { at: 'prelude' };
        this.crc = 0;
        this.taken = 0;
        return build(s.type, s.flags, s.sections);
      }
    }
  }

  /** Refuse garbage as soon as its first bytes are in, not after waiting for a whole prelude that never comes. */
  private checkMagic(): void {
    const n = Math.min(this.buffered, FRAME_MAGIC.length);
    if (n === 0) return;
    const head = this.peek(Math.min(this.buffered, 16));
    if (!head.subarray(0, n).equals(FRAME_MAGIC.subarray(0, n))) throw codedError('ER_2250', { bytes: showBytes(head) });
  }

  /** The first n bytes (n <= buffered), joining only the chunks that hold them. */
  private peek(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    const first = this.chunks[0]!;
    if (first.length >= n) return first.subarray(0, n);
    const parts: Buffer[] = [];
    for (let i = 0, got = 0; got < n; i++) {
      parts.push(this.chunks[i]!);
      got += this.chunks[i]!.length;
    }
    return Buffer.concat(parts).subarray(0, n);
  }

  private take(n: number, summed = true): Buffer | undefined {
    if (this.buffered < n) return undefined;
    const out = this.peek(n);
    // Drop the n bytes from the queue: whole chunks, then the used start of the next one.
    let left = n;
    while (left > 0 && this.chunks[0]!.length <= left) left -= this.chunks.shift()!.length;
    if (left > 0) this.chunks[0] = this.chunks[0]!.subarray(left);
    this.buffered -= n;
    this.taken += n;
    if (summed) this.crc = crc32(out, this.crc);
    return out;
  }
}

function build(type: Frame['type'], flags: number, sections: Buffer[]): Frame {
  const id = sections[0]!.toString('latin1');
  if (!ID_OK.test(id)) throw codedError('ER_2253', { reason: 'the report id is not printable ASCII' });
  switch (type) {
    case 'report':
      return { type, id, header: sections[1]!, payload: sections[2]! };
    case 'sealed':
      return { type, id, envelope: sections[1]! };
    case 'ack':
      return sections[1] ? { type, id, answer: sections[1].toString('utf8') } : { type, id };
    case 'probe':
      return { type, id };
    case 'nak':
      return { type, id, reason: sections[1]!.toString('utf8'), permanent: (flags & NAK_PERMANENT) !== 0 };
  }
}
