/**
 * The serial port under the modem dialogue, with the `serialport` package: open (with an exclusive lock, so two
 * programs never talk to one modem at once), write and wait for what the modem says, close. Every wait has a deadline
 * and follows the caller's AbortSignal, so a silent modem or a stopping service never leaves an attempt hanging.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SerialPort } from 'serialport';
import { reasonOf } from '../../../shared/node/coded-error.js';
import { type Step } from '../frame/step.js';

export interface LineOptions {
  baudRate: number;
  /** RTS/CTS flow control between the computer and the modem (modems keep CTS up when they do not use it). */
  rtscts: boolean;
}

/** What a wait ended with when it found nothing: and the bytes that had come in, for the message. */
export type Missed = { ok: false; why: 'timeout' | 'aborted' | 'closed'; seen: Buffer };
export type Waited<T> = { ok: true; value: T } | Missed;

export class SerialLine {
  private received: Buffer = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private closed = false;

  private constructor(
    private readonly port: SerialPort,
    readonly path: string,
    private readonly baudRate: number,
  ) {
    port.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.wake?.();
    });
    port.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
    port.on('error', () => undefined); // surfaces through the pending write or wait instead
  }

  /** Opens the port or throws the port library's error (see port-errors.ts for what it means). */
  static open(path: string, o: LineOptions): Promise<SerialLine> {
    const port = new SerialPort({ path, baudRate: o.baudRate, rtscts: o.rtscts, lock: true, hupcl: true, autoOpen: false });
    return new Promise((resolve, reject) => port.open((e) => (e ? reject(e) : resolve(new SerialLine(port, path, o.baudRate)))));
  }

  /**
   * Writes and waits until the bytes have left for the modem (tcdrain), or the signal fires, or the line's own limit
   * passes: twice the time the bytes take at the line's speed (10 bits a byte) plus 5 s. A modem that takes no data
   * (switched off, cable out: CTS stays low with RTS/CTS) would otherwise hold tcdrain, the attempt and the port forever.
   */
  async write(bytes: Buffer | string, signal: AbortSignal): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (signal.aborted) return { ok: false, reason: 'aborted' };
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    const limitMs = Math.ceil(((size * 10) / this.baudRate) * 2000) + 5_000;
    const limit = AbortSignal.timeout(limitMs);
    const either = AbortSignal.any([signal, limit]);
    const done = new Promise<{ ok: true } | { ok: false; reason: string }>((resolve) => {
      this.port.write(bytes, (e) => {
        if (e) return resolve({ ok: false, reason: reasonOf(e) });
        this.port.drain((d) => resolve(d ? { ok: false, reason: reasonOf(d) } : { ok: true }));
      });
    });
    const r = await raceAbort(done, either, { ok: false, reason: 'aborted' });
    if (!r.ok && either.aborted) {
      this.port.flush(() => undefined); // discards what is queued, which releases a tcdrain stuck on CTS
      if (!signal.aborted) return { ok: false, reason: `the modem took no data within ${limitMs} ms (switched off, or CTS low)` };
    }
    return r;
  }

  /** Forgets what was received (e.g. a stale reply before the next command). */
  discard(): void {
    this.received = Buffer.alloc(0);
  }

  /** Waits until `step` finds what it looks for in the bytes received, at most `ms`. `step` may throw (bad data). */
  until<T>(step: Step<T>, ms: number, signal: AbortSignal): Promise<Waited<T>> {
    return new Promise((resolve, reject) => {
      const finish = (r: Waited<T> | Error) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.wake = undefined;
        if (r instanceof Error) reject(r);
        else resolve(r);
      };
      const missed = (why: Missed['why']) => finish({ ok: false, why, seen: this.received });
      const check = () => {
        if (signal.aborted) return missed('aborted');
        let found: { value: T; used: number } | undefined;
        try {
          found = this.received.length > 0 ? step(this.received) : undefined;
        } catch (e) {
          return finish(e instanceof Error ? e : new Error(String(e)));
        }
        if (found) {
          this.received = this.received.subarray(found.used);
          return finish({ ok: true, value: found.value });
        }
        if (this.closed) missed('closed');
      };
      const onAbort = () => missed('aborted');
      const timer = setTimeout(() => missed('timeout'), ms);
      signal.addEventListener('abort', onAbort, { once: true });
      this.wake = check;
      check();
    });
  }

  /** Silence on the line for `ms` (the guard time around `+++`); cut short by the signal. */
  pause(ms: number, signal: AbortSignal): Promise<void> {
    return delay(ms, signal);
  }

  /** Closes the port (which drops DTR, hanging up a modem that still holds the line). Never throws. */
  close(): Promise<void> {
    if (this.closed || !this.port.isOpen) return Promise.resolve();
    // Flush first: output a modem never took would otherwise keep the close (and the port's lock) waiting.
    return new Promise((resolve) => this.port.flush(() => this.port.close(() => resolve())));
  }
}

/** Waits `ms`, or less when the signal fires (then it resolves too: the caller looks at the signal). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(() => undefined);
}

function raceAbort<T>(p: Promise<T>, signal: AbortSignal, aborted: T): Promise<T> {
  if (signal.aborted) return Promise.resolve(aborted);
  return new Promise((resolve) => {
    const onAbort = () => resolve(aborted);
    signal.addEventListener('abort', onAbort, { once: true });
    void p.then((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    });
  });
}
