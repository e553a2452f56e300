/**
 * The manager's streaming reader of agent frames (docs/report-format.md, "Frame" and "Manager relay"): where the modem's
 * FrameDecoder (../routes/frame/codec.ts) holds a whole frame, this one keeps only the small sections (id, header up to
 * its cap, a NAK reason) and hands every byte of the frame on as it arrives, so a 64 MiB payload goes to disk in pieces
 * and never sits in memory. It understands `report` and `probe`; any other type is refused at its prelude.
 *
 * push(chunk) returns what the chunk completed, in order: `begin` (the prelude is in), `data` (bytes of the current
 * frame, prelude to CRC, exactly as received: stored as they are), `section` (the id, or the header), `end` (the CRC
 * matched). A damaged stream throws a CodedError (ER_2250-ER_2253, or ER_2336 for a type the manager does not take); the
 * reader is then spent: there is no reliable way to find the next frame's start, so the receiver NAKs and closes.
 */
import { crc32 } from 'node:zlib';
import { codedError } from '../../shared/node/coded-error.js';
import { text } from '../../shared/messages/text.js';
import { FRAME_MAGIC, FRAME_VERSION, showBytes } from '../routes/frame/codec.js';

export type InType = 'report' | 'probe';

export type ReadEvent =
  | { e: 'begin'; type: InType }
  | { e: 'data'; bytes: Buffer }
  | { e: 'section'; part: 'id' | 'header'; value: Buffer }
  /** `payloadLength` counts the payload bytes that passed by (0 for a probe). */
  | { e: 'end'; type: InType; id: string; payloadLength: number };

export interface StreamLimits {
  id: number;
  header: number;
  payload: number;
}

/** The receiver's caps: a header is held in memory (64 KiB is far more than a report's JSON); the payload is not. */
export const RELAY_LIMITS: StreamLimits = { id: 64, header: 64 * 1024, payload: 64 * 1024 * 1024 };

const PRELUDE = 7;
const TYPE_BYTES: Record<number, InType> = { 0x52: 'report', 0x50: 'probe' };
/** Types an agent must not send to a manager: refused by name (ER_2336), not as garbage. */
const OTHER_TYPES: Record<number, string> = { 0x53: 'sealed', 0x41: 'ack', 0x4e: 'nak' };
const SECTIONS: Record<InType, ReadonlyArray<'id' | 'header' | 'payload'>> = { report: ['id', 'header', 'payload'], probe: ['id'] };
const PART_NAMES = { id: text('通報 ID', 'report id'), header: text('ヘッダー', 'header'), payload: text('添付データ', 'payload') };
const ID_OK = /^[\x21-\x7e]+$/;

type State =
  { at: 'prelude' } | { at: 'length'; index: number } | { at: 'small'; index: number; length: number } | { at: 'payload'; left: number } | { at: 'crc' };

export class FrameStreamReader {
  private state: State = { at: 'prelude' };
  /** The fixed-size field or small section being gathered. */
  private gather: Buffer[] = [];
  private gathered = 0;
  private crc = 0;
  private type: InType = 'report';
  private id = '';
  private payloadLength = 0;
  /** Bytes of the current frame taken so far (0: between frames). */
  private taken = 0;
  private spent = false;

  constructor(private readonly limits: StreamLimits = RELAY_LIMITS) {}

  /** Between frames: no byte of a frame is waiting. */
  get idle(): boolean {
    return this.taken === 0 && !this.spent;
  }

  push(chunk: Buffer): ReadEvent[] {
    const { events, damage } = this.read(chunk);
    if (damage !== undefined) throw damage;
    return events;
  }

  /**
   * push() for a caller that answers what a chunk completed before its damage (a whole frame, then junk): those
   * events, and the error that spent the reader (undefined when none).
   */
  read(chunk: Buffer): { events: ReadEvent[]; damage?: unknown } {
    if (this.spent) return { events: [], damage: new Error('the frame reader is spent after an error') };
    const events: ReadEvent[] = [];
    try {
      this.consume(chunk, events);
    } catch (e) {
      this.spent = true;
      return { events, damage: e };
    }
    return { events };
  }

  private consume(chunk: Buffer, out: ReadEvent[]): void {
    let at = 0;
    // The bytes of this chunk from `from` on belong to the current frame and are not handed on yet. Prelude bytes are
    // held back and handed on whole with `begin`, so the receiver opens its file before the first byte comes.
    let from = 0;
    const flush = (): void => {
      if (at > from) out.push({ e: 'data', bytes: chunk.subarray(from, at) });
      from = at;
    };
    while (at < chunk.length) {
      const s = this.state;
      if (s.at === 'payload') {
        const n = Math.min(s.left, chunk.length - at);
        this.crc = crc32(chunk.subarray(at, at + n), this.crc);
        at += n;
        this.taken += n;
        this.state = s.left === n ? this.afterSection(2) : { at: 'payload', left: s.left - n };
        continue;
      }
      const want = s.at === 'prelude' ? PRELUDE : s.at === 'small' ? s.length : 4;
      const n = Math.min(want - this.gathered, chunk.length - at);
      const piece = chunk.subarray(at, at + n);
      if (s.at === 'prelude') this.checkMagic(piece, chunk.subarray(at));
      if (s.at !== 'crc') this.crc = crc32(piece, this.crc);
      this.gather.push(piece);
      this.gathered += n;
      at += n;
      this.taken += n;
      if (s.at === 'prelude') from = at;
      if (this.gathered < want) continue;
      const field = this.gather.length === 1 ? this.gather[0]! : Buffer.concat(this.gather);
      this.gather = [];
      this.gathered = 0;
      if (s.at === 'prelude') {
        this.prelude(field);
        out.push({ e: 'begin', type: this.type }, { e: 'data', bytes: Buffer.from(field) });
        this.state = { at: 'length', index: 0 };
      } else if (s.at === 'length') {
        const length = field.readUInt32BE(0);
        const part = SECTIONS[this.type][s.index]!;
        if (length > this.limits[part]) throw codedError('ER_2251', { part: PART_NAMES[part], length, max: this.limits[part] });
        if (part === 'payload') {
          this.payloadLength = length;
          this.state = length === 0 ? this.afterSection(s.index) : { at: 'payload', left: length };
        } else if (length > 0) this.state = { at: 'small', index: s.index, length };
        else if (part === 'id') throw codedError('ER_2253', { reason: 'the report id is empty' });
        else {
          // An empty header is handed on as such: the schema refuses it with its own reason.
          flush();
          out.push({ e: 'section', part, value: Buffer.alloc(0) });
          this.state = this.afterSection(s.index);
        }
      } else if (s.at === 'small') {
        const part = SECTIONS[this.type][s.index]! as 'id' | 'header';
        if (part === 'id') {
          const id = field.toString('latin1');
          if (!ID_OK.test(id)) throw codedError('ER_2253', { reason: 'the report id is not printable ASCII' });
          this.id = id;
        }
        flush();
        out.push({ e: 'section', part, value: Buffer.from(field) });
        this.state = this.afterSection(s.index);
      } else {
        const got = field.readUInt32BE(0);
        if (got !== this.crc) throw codedError('ER_2252', { got: hex32(got), want: hex32(this.crc) });
        flush();
        out.push({ e: 'end', type: this.type, id: this.id, payloadLength: this.payloadLength });
        this.state = { at: 'prelude' };
        this.crc = 0;
        this.taken = 0;
        this.id = '';
        this.payloadLength = 0;
      }
    }
    flush();
  }

  /** Garbage is refused on its first bytes, not after waiting for a prelude that never comes. */
  private checkMagic(piece: Buffer, rest: Buffer): void {
    if (this.gathered >= FRAME_MAGIC.length) return;
    const head = Buffer.concat([...this.gather, piece]).subarray(0, FRAME_MAGIC.length);
    if (!head.equals(FRAME_MAGIC.subarray(0, head.length))) throw codedError('ER_2250', { bytes: showBytes(Buffer.concat([...this.gather, rest])) });
  }

  private prelude(p: Buffer): void {
    if (p[4] !== FRAME_VERSION) throw codedError('ER_2253', { reason: `version ${p[4]} (this program reads version ${FRAME_VERSION})` });
    const type = TYPE_BYTES[p[5]!];
    if (!type) {
      const other = OTHER_TYPES[p[5]!];
      if (other) throw codedError('ER_2336', { type: other });
      throw codedError('ER_2253', { reason: `unknown frame type 0x${p[5]!.toString(16).padStart(2, '0')}` });
    }
    if (p[6] !== 0) throw codedError('ER_2253', { reason: `unknown flags 0x${p[6]!.toString(16).padStart(2, '0')}` });
    this.type = type;
  }

  private afterSection(index: number): State {
    return index + 1 < SECTIONS[this.type].length ? { at: 'length', index: index + 1 } : { at: 'crc' };
  }
}

const hex32 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
