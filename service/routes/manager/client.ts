/**
 * One exchange with a manager over TCP (docs/report-format.md, "Manager relay"): connect, write one frame, read the
 * manager's answer frame (ACK or NAK, nothing else may come), close. The answer is read while the frame is still being
 * written, so a manager that refuses early (full, not allowed) is heard even if it then closes the connection.
 * Every way it can go wrong is a coded problem with the stage it happened in, which the route turns into retry or not.
 */
import { connect, type Socket } from 'node:net';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { text } from '../../../shared/messages/text.js';
import { isCodedError, reasonOf } from '../../../shared/node/coded-error.js';
import { FrameDecoder, type Frame } from '../frame/codec.js';
import { type ManagerPeer } from './peers.js';

/** resolve/connect: the manager was not reached; sending/waiting: it was, then went quiet or away; answer: it said something wrong. */
export type Stage = 'resolve' | 'connect' | 'sending' | 'waiting' | 'answer' | 'cancelled';

export type Exchanged = { ok: true; frame: Extract<Frame, { type: 'ack' | 'nak' }> } | { ok: false; stage: Stage; problem: Problem };

export interface ExchangeOptions {
  connectMs: number;
  sendIdleMs: number;
  answerMs: number;
  signal: AbortSignal;
}

const RESOLVE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const PHASE = {
  sending: text('通報の送信中', 'while sending the report'),
  waiting: text('応答の待機中', 'while waiting for the answer'),
} as const;

const errnoOf = (e: Error): string => (e as NodeJS.ErrnoException).code ?? '';

/**
 * Connects to `peer`, lets `write` put the frame on the socket (it must not end it), and waits for the answer.
 * Never throws: a failure of `write` itself (a file that cannot be read) is a failure of the stage 'sending'.
 */
export function exchange(peer: ManagerPeer, write: (socket: Socket, signal: AbortSignal) => Promise<unknown>, o: ExchangeOptions): Promise<Exchanged> {
  return new Promise((resolve) => {
    const writing = new AbortController();
    let stage: Stage = 'connect';
    let settled = false;
    let answerTimer: NodeJS.Timeout | undefined;
    const socket = connect({ host: peer.host, port: peer.port });
    const decoder = new FrameDecoder({ accept: ['ack', 'nak'], maxPayload: 0 });

    const finish = (r: Exchanged): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
      o.signal.removeEventListener('abort', onAbort);
      writing.abort();
      socket.destroy();
      resolve(r);
    };
    const fail = (s: Stage, p: Problem): void => finish({ ok: false, stage: s, problem: p });
    const broken = (reason: string): void => {
      if (stage === 'sending' || stage === 'waiting') fail(stage, problem('ER_2303', { peer: peer.label, phase: PHASE[stage], reason }));
      else fail('connect', problem('ER_2301', { peer: peer.label, reason }));
    };

    const connectTimer = setTimeout(() => fail('connect', problem('ER_2302', { peer: peer.label, seconds: o.connectMs / 1000 })), o.connectMs);
    const onAbort = (): void => fail('cancelled', problem('ER_2314', { peer: peer.label }));
    if (o.signal.aborted) return onAbort();
    o.signal.addEventListener('abort', onAbort, { once: true });

    socket.once('connect', () => {
      clearTimeout(connectTimer);
      socket.setNoDelay(true);
      stage = 'sending';
      // No progress while writing: the manager stopped reading (its buffers are full and it does not drain them).
      socket.setTimeout(o.sendIdleMs, () => broken(`nothing could be written for ${o.sendIdleMs / 1000} s`));
      write(socket, writing.signal).then(
        () => {
          if (settled) return;
          stage = 'waiting';
          socket.setTimeout(0);
          answerTimer = setTimeout(() => fail('waiting', problem('ER_2304', { peer: peer.label, seconds: o.answerMs / 1000 })), o.answerMs);
        },
        (e: unknown) => {
          // The socket's own error is reported by its 'error' event (and an answer may still be in the buffer).
          if (!socket.destroyed)
            fail('sending', isCodedError(e) ? e.problem : problem('ER_2303', { peer: peer.label, phase: PHASE.sending, reason: reasonOf(e) }));
        },
      );
    });
    socket.on('data', (chunk: Buffer) => {
      try {
        const [f] = decoder.push(chunk);
        if (f && (f.type === 'ack' || f.type === 'nak')) finish({ ok: true, frame: f });
      } catch (e) {
        fail('answer', problem('ER_2306', { peer: peer.label, reason: isCodedError(e) ? e.problem.message.en : reasonOf(e) }));
      }
    });
    socket.once('end', () => fail(stage === 'connect' ? 'connect' : stage, problem('ER_2305', { peer: peer.label })));
    socket.once('error', (e) => {
      const code = errnoOf(e);
      if (RESOLVE.has(code)) return fail('resolve', problem('ER_2300', { peer: peer.label, host: peer.host, reason: e.message || code }));
      broken(e.message || code);
    });
    socket.once('close', () => broken('the connection closed'));
  });
}
