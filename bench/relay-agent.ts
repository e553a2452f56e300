/**
 * A simulated agent for the relay benchmark: its own TCP connection to the manager's receive port on 127.0.0.1, one
 * report frame, then the manager's answer. A retryable NAK or a broken connection is tried again after a short pause on
 * a new connection, as an agent does (its real schedule waits minutes; the benchmark pauses 200–700 ms).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { encodeFrame, FrameDecoder, type Frame } from '../service/routes/frame/codec.js';
import { type Report } from '../shared/report/model.js';

export interface AgentTally {
  acked: number;
  /** Retryable NAKs (busy, stopping, not durable ...), by the code in their reason. */
  naks: Map<string, number>;
  /** Attempts whose connection broke or was refused before an answer (the kill -9), and the agents they were of. */
  broken: number;
  brokenAgents: number;
  permanent: number;
}

export const newTally = (): AgentTally => ({ acked: 0, naks: new Map(), broken: 0, brokenAgents: 0, permanent: 0 });

/** One agent's report: a distinct identity per agent and a 64 KiB random attachment as the payload. */
export function agentFrame(n: number, payloadBytes = 64 * 1024): { id: string; frame: Buffer } {
  const now = new Date().toISOString();
  const report: Report = {
    id: randomUUID(),
    kind: 'failure',
    createdAt: now,
    machine: { serverName: `AGENT${n}`, deviceCode: 'N8100-9999', serialNumber: `B${String(n).padStart(5, '0')}`, userSystemCode: `U${n}` },
    event: { source: 'atapi', id: 0xc0040006, time: now, message: `bench disk error on agent ${n}` },
    count: 1,
  };
  return {
    id: report.id,
    frame: encodeFrame({ type: 'report', id: report.id, header: Buffer.from(JSON.stringify(report)), payload: randomBytes(payloadBytes) }),
  };
}

type Answer = { ok: true } | { ok: false; retry: boolean; code: string };

/** One attempt: connect, write, read the first answer. Anything but an answer (reset, refused, closed) is 'broken'. */
function attempt(port: number, frame: Buffer, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    const dec = new FrameDecoder({ accept: ['ack', 'nak'] });
    let done = false;
    const end = (a: Answer): void => {
      if (done) return;
      done = true;
      sock.destroy();
      resolve(a);
    };
    sock.setTimeout(timeoutMs, () => end({ ok: false, retry: true, code: 'broken' }));
    sock.on('data', (c: Buffer) => {
      let got: Frame[];
      try {
        got = dec.push(c);
      } catch {
        return end({ ok: false, retry: true, code: 'broken' });
      }
      const f = got[0];
      if (!f) return;
      if (f.type === 'ack') return end({ ok: true });
      if (f.type === 'nak') return end({ ok: false, retry: !f.permanent, code: /ER_\d{4}/.exec(f.reason)?.[0] ?? 'nak' });
    });
    sock.on('error', () => end({ ok: false, retry: true, code: 'broken' }));
    sock.on('close', () => end({ ok: false, retry: true, code: 'broken' }));
    sock.write(frame);
  });
}

/** Sends until ACKed (or a permanent NAK); resolves with the time of the ACK (performance.now()), or undefined. */
export async function runAgent(port: number, frame: Buffer, tally: AgentTally, onAck: () => void, timeoutMs = 150_000): Promise<number | undefined> {
  let broke = false;
  for (;;) {
    const a = await attempt(port, frame, timeoutMs);
    if (a.ok) {
      tally.acked++;
      onAck();
      return performance.now();
    }
    if (!a.retry) {
      tally.permanent++;
      return undefined;
    }
    if (a.code === 'broken') {
      tally.broken++;
      if (!broke) tally.brokenAgents++;
      broke = true;
    } else tally.naks.set(a.code, (tally.naks.get(a.code) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 500));
  }
}
