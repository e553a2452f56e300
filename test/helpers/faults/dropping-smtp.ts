/**
 * A mail server on loopback (the `smtp-server` package, no TLS, no AUTH) that drops the connection in the middle of
 * DATA when the test says so: the first chunk of the message arrives, then the socket is destroyed (no reply to the
 * final dot ever comes). Messages it took whole are recorded with their X-Report-Id.
 */
import { type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { type Issued } from '../../fixtures/keyfile/generate.js';

export interface DroppingSmtp {
  port: number;
  /** Report ids of the messages taken whole (a repeat shows twice). */
  received: string[];
  /** Sessions cut in the middle of DATA. */
  dropped: number;
  close(): Promise<void>;
}

export async function startDroppingSmtp(cert: Issued, drop: () => boolean): Promise<DroppingSmtp> {
  const received: string[] = [];
  const sockets = new Map<number, Socket>();
  const peer: DroppingSmtp = { port: 0, received, dropped: 0, close: () => Promise.resolve() };
  const server = new SMTPServer({
    key: cert.keyPem,
    cert: cert.certPem,
    hideSTARTTLS: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      if (drop()) {
        stream.once('data', () => {
          peer.dropped++;
          sockets.get(session.remotePort)?.destroy();
        });
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        received.push(/^X-Report-Id:\s*(\S+)/im.exec(raw.slice(0, raw.indexOf('\r\n\r\n')))?.[1] ?? '');
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  server.server.on('connection', (s: Socket) => {
    sockets.set(s.remotePort!, s);
    s.on('close', () => sockets.delete(s.remotePort!));
  });
  peer.port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  peer.close = () =>
    new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => resolve());
    });
  return peer;
}
