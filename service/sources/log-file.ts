/**
 * One open log file read from an offset: complete lines are returned, a partial last line waits for its newline.
 * The file handle follows the file itself (its inode), so a file renamed away by rotation can still be drained.
 */
import { open, type FileHandle } from 'node:fs/promises';

const CHUNK = 64 * 1024;
/** A "line" longer than this is cut into pieces rather than held in memory without bound. */
const MAX_LINE = 1024 * 1024;
const NL = 0x0a;
const utf8 = new TextDecoder('utf-8');

export class LogFile {
  private pending = Buffer.alloc(0);
  /** Started in the middle of a line: its tail is not a line. */
  private dropFirst = false;

  private constructor(
    private readonly fh: FileHandle,
    readonly ino: number,
    readonly dev: number,
    private offset: number,
  ) {}

  /** Opens `path` at its end (following) or its start (a new file); undefined when there is no such file. */
  static async open(path: string, at: 'end' | 'start'): Promise<LogFile | undefined> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      const st = await fh.stat();
      const f = new LogFile(fh, st.ino, st.dev, at === 'end' ? st.size : 0);
      if (at === 'end' && st.size > 0) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, st.size - 1);
        f.dropFirst = last[0] !== NL;
      }
      return f;
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  /** copytruncate: the file shrank below what was read, so it was emptied and written anew. */
  async truncated(): Promise<boolean> {
    return (await this.fh.stat()).size < this.offset;
  }

  /** Where the next complete line starts (what a restart may resume from); undefined mid-line after an open at the end. */
  get position(): number | undefined {
    return this.dropFirst ? undefined : this.offset - this.pending.length;
  }

  async size(): Promise<number> {
    return (await this.fh.stat()).size;
  }

  /** Reads on from `offset`, a line start saved by an earlier run. */
  resumeAt(offset: number): void {
    this.restartFromZero();
    this.offset = offset;
  }

  /**
   * Reads on from the first line start at or after `offset` (a catch-up bound); returns it. A line longer than
   * MAX_LINE around `offset` is taken from `offset` on, as read() cuts such lines; a last line still without its
   * newline is not taken for one when it comes (its start was skipped).
   */
  async skipTo(offset: number): Promise<number> {
    this.restartFromZero();
    this.offset = offset;
    if (offset === 0) return 0;
    const buf = Buffer.alloc(Math.min(CHUNK, MAX_LINE));
    for (let at = offset - 1; at < offset + MAX_LINE;) {
      const { bytesRead } = await this.fh.read(buf, 0, buf.length, at);
      if (bytesRead === 0) {
        this.dropFirst = true;
        break;
      }
      const nl = buf.subarray(0, bytesRead).indexOf(NL);
      if (nl >= 0) {
        this.offset = at + nl + 1;
        return this.offset;
      }
      at += bytesRead;
    }
    return offset;
  }

  restartFromZero(): void {
    this.offset = 0;
    this.pending = Buffer.alloc(0);
    this.dropFirst = false;
  }

  /** The complete lines appended since the last read. */
  async read(): Promise<string[]> {
    const lines: string[] = [];
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      const { bytesRead } = await this.fh.read(buf, 0, CHUNK, this.offset);
      if (bytesRead === 0) break;
      this.offset += bytesRead;
      this.split(Buffer.concat([this.pending, buf.subarray(0, bytesRead)]), lines);
    }
    return lines;
  }

  private split(data: Buffer, out: string[]): void {
    let start = 0;
    for (let nl = data.indexOf(NL); nl >= 0; nl = data.indexOf(NL, start)) {
      if (this.dropFirst) this.dropFirst = false;
      else out.push(utf8.decode(data.subarray(start, nl)));
      start = nl + 1;
    }
    this.pending = Buffer.from(data.subarray(start));
    if (this.pending.length > MAX_LINE) {
      out.push(utf8.decode(this.pending));
      this.pending = Buffer.alloc(0);
    }
  }

  /** A last line that never got its newline (told when a rotated file is let go). */
  rest(): string | undefined {
    const r = this.pending.length && !this.dropFirst ? utf8.decode(this.pending) : undefined;
    this.pending = Buffer.alloc(0);
    return r;
  }

  close(): Promise<void> {
    return this.fh.close().catch(() => undefined);
  }
}
