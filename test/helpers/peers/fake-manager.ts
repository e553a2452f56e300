/**
 * A tiny manager on 127.0.0.1 for the agent's tests: reads report and probe frames with the real FrameDecoder and
 * answers each as told (ACK, NAK permanent or retryable, close, stay silent, answer for another id, send garbage).
 * It keeps what it received, so a test can compare the bytes. Not the real receiver (service/relay/, H2).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { encodeFrame, FrameDecoder, type Frame } from '../../../service/routes/frame/codec.js';

export type Behaviour = 'ack' | 'nak-permanent' | 'nak-retry' | 'close' | 'silent' | 'wrong-id' | 'garbage';

export interface FakeManager {
  port: number;
  received: Frame[];
  /** Connections accepted so far. */
  connections: number;
  behaviour: Behaviour;
  /** The NAK's reason section (a coded JSON reason by default). */
  nakReason: string;
  close(): Promise<void>;
}

export async function startFakeManager(behaviour: Behaviour = 'ack'): Promise<FakeManager> {
  const sockets = new Set<Socket>();
  const m: FakeManager = {
    port: 0,
    received: [],
    connections: 0,
    behaviour,
    nakReason: JSON.stringify({ code: 'ER_2253', message: { ja: 'ヘッダーが正しくありません', en: 'the header is not valid' } }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const answer = (s: Socket, f: Frame): void => {
    switch (m.behaviour) {
      case 'ack':
        s.write(encodeFrame({ type: 'ack', id: f.id }));
        return;
      case 'nak-permanent':
      case 'nak-retry':
        s.write(encodeFrame({ type: 'nak', id: f.id, reason: m.nakReason, permanent: m.behaviour === 'nak-permanent' }));
        return;
      case 'close':
        s.end();
        return;
      case 'silent':
        return;
      case 'wrong-id':
        s.write(encodeFrame({ type: 'ack', id: `${f.id}-other` }));
        return;
      case 'garbage':
        s.write('HTTP/1.1 400 Bad Request\r\n\r\n');
        return;
    }
  };
  const server: Server = createServer((s) => {
    m.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    const d = new FrameDecoder({ accept: ['report', 'probe'] });
    s.on('data', (chunk: Buffer) => {
      try {
        for (const f of d.push(chunk)) {
          m.received.push(f);
          answer(s, f);
        }
      } catch {
        s.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  m.port = typeof a === 'object' && a ? a.port : 0;
  return m;
}
