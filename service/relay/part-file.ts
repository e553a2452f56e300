/**
 * `incoming/<random>.part`: one frame being received, written as its bytes arrive (never held whole in memory). The
 * stream's backpressure is the connection's: `write` resolves once the file can take more, and the socket waits.
 */
import { createWriteStream, close, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { once } from 'node:events';

export class PartFile {
  readonly path: string;
  private readonly ws: WriteStream;
  private failed: Error | undefined;
  /** Bytes handed to write so far. */
  size = 0;

  constructor(incomingDir: string) {
    this.path = join(incomingDir, `${randomUUID()}.part`);
    // autoClose off: the descriptor stays open after end() for the commit's fdatasync (group-commit.ts closes it).
    this.ws = createWriteStream(this.path, { flags: 'wx', mode: 0o600, autoClose: false });
    this.ws.on('error', (e) => {
      this.failed = e;
    });
  }

  async write(b: Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    this.size += b.length;
    if (this.ws.write(b)) return;
    await Promise.race([once(this.ws, 'drain'), once(this.ws, 'error').then(([e]) => Promise.reject(e as Error))]);
  }

  /** Every byte written; the open descriptor, for the commit. */
  async finish(): Promise<number> {
    if (this.failed) throw this.failed;
    await new Promise<void>((resolve, reject) => {
      this.ws.once('error', reject);
      this.ws.end(() => resolve());
    });
    if (this.failed) throw this.failed;
    return this.fd() as number;
  }

  /** Node's WriteStream has its descriptor once opened (the typings leave it out). */
  private fd(): number | null | undefined {
    return (this.ws as unknown as { fd?: number | null }).fd;
  }

  /** Dropped: a bad frame, a refusal or a closed connection; nothing of it stays. */
  async abort(): Promise<void> {
    // Still opening: wait for the descriptor, so it is closed here rather than left open (autoClose is off).
    if (this.ws.pending && !this.failed) await once(this.ws, 'ready').catch(() => undefined);
    const fd = this.fd();
    this.ws.destroy();
    if (typeof fd === 'number') await new Promise<void>((r) => close(fd, () => r()));
    await unlink(this.path).catch(() => undefined);
  }
}
