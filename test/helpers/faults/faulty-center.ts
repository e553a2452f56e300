/**
 * A center on loopback (node:https, test CA) that misbehaves as the test says, request by request: a 5xx, silence after
 * the request's headers, silence after its own response headers, a reset in the middle of the request body, or half a
 * response body and a closed connection. It records which report ids it answered 2xx (delivered) and which it met.
 */
import { createServer } from 'node:https';
import { type AddressInfo, type Socket } from 'node:net';
import { type Issued } from '../../fixtures/keyfile/generate.js';

export type Fault =
  | 'ok'
  /** 503 with a short page. */
  | '5xx'
  /** Reads the request headers, then neither reads the body nor answers. */
  | 'hang-before-answer'
  /** Answers `200` with its headers (Content-Length 64), then sends nothing more. */
  | 'hang-after-headers'
  /** Resets the connection once the first chunk of the request body arrived. */
  | 'reset-mid-request'
  /** Reads the whole request, answers 503 with half its announced body, then closes. */
  | 'half-body';

export interface FaultyCenter {
  url: string;
  /** Report ids answered 2xx, in order (a repeat would show twice). */
  delivered: string[];
  /** Every request's report id and the fault it met. */
  met: Array<{ id: string; fault: Fault }>;
  close(): Promise<void>;
}

export async function startFaultyCenter(cert: Issued, faultFor: (id: string) => Fault): Promise<FaultyCenter> {
  const delivered: string[] = [];
  const met: FaultyCenter['met'] = [];
  const sockets = new Set<Socket>();
  const server = createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    const id = String(req.headers['x-report-id'] ?? '');
    const fault = faultFor(id);
    met.push({ id, fault });
    req.on('error', () => undefined);
    if (fault === 'hang-before-answer') return req.pause();
    if (fault === 'reset-mid-request') {
      req.once('data', () => req.socket.destroy());
      return;
    }
    req.resume();
    req.on('end', () => {
      if (fault === 'ok') {
        delivered.push(id);
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('{"accepted":true}');
      } else if (fault === '5xx') {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('center busy');
      } else if (fault === 'hang-after-headers') {
        delivered.push(id);
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '64' }).flushHeaders();
      } else {
        res.writeHead(503, { 'Content-Type': 'text/plain', 'Content-Length': '64' });
        res.write('center busy: half of this page', () => res.socket?.destroy());
      }
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `https://127.0.0.1:${port}/Scripts/trsRecvAlert.cgi`,
    delivered,
    met,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
