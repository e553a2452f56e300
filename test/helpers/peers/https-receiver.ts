/**
 * A center on loopback: node:https with a certificate from a test CA. It records what arrived (X-Report-Id, the parsed
 * multipart parts) and answers as the test says: a status and body, or never (to test timeouts).
 */
import { createServer, type Server } from 'node:https';
import { type IncomingHttpHeaders } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { type TLSSocket } from 'node:tls';
import { type Issued } from '../../fixtures/keyfile/generate.js';

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer;
}

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  reportId?: string;
  parts: Part[];
  /** The `report` part as JSON, when there was one. */
  report?: unknown;
  /** The server name (SNI) the client sent in its TLS hello; absent when it sent none (as for an IP address). */
  sni?: string;
}

export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  close(): Promise<void>;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const parts: Part[] = [];
  const delim = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    pos += delim.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    const headStart = pos + 2;
    const headEnd = body.indexOf('\r\n\r\n', headStart);
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headEnd + 4);
    if (headEnd < 0 || next < 0) throw new Error('malformed multipart body');
    const head = body.subarray(headStart, headEnd).toString('utf8');
    const field = (re: RegExp): string | undefined => re.exec(head)?.[1];
    parts.push({
      name: field(/name="([^"]*)"/) ?? '',
      ...(field(/filename="([^"]*)"/) !== undefined ? { filename: field(/filename="([^"]*)"/)! } : {}),
      ...(field(/content-type:\s*([^\r\n]+)/i) !== undefined ? { contentType: field(/content-type:\s*([^\r\n]+)/i)! } : {}),
      content: body.subarray(headEnd + 4, next),
    });
    pos = next + 2;
  }
  return parts;
}

function listen(server: Server | ReturnType<typeof createTcpServer>, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Closing a server does not end the connections it holds (a hanging request): track and destroy them. */
function closer(server: Server | ReturnType<typeof createTcpServer>): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => resolve());
    });
}

/** `host` is the loopback address to listen on: 127.0.0.1, or ::1 for the IPv6 tests (the URL names it in brackets). */
export async function startReceiver(
  server: Issued,
  answer: (r: Received) => Answer = () => ({ status: 200, body: '{"accepted":true}' }),
  host = '127.0.0.1',
): Promise<Receiver> {
  const received: Received[] = [];
  const https = createServer({ key: server.keyPem, cert: server.certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('error', () => undefined); // a sender that gives up mid-body (the attachment tests) is not the receiver's failure
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const boundary = /boundary=([^;]+)/.exec(req.headers['content-type'] ?? '')?.[1];
      const parts = boundary ? parseMultipart(Buffer.concat(chunks), boundary) : [];
      const reportPart = parts.find((p) => p.name === 'report');
      const id = req.headers['x-report-id'];
      const sni = (req.socket as TLSSocket).servername;
      const r: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        parts,
        ...(typeof id === 'string' ? { reportId: id } : {}),
        ...(typeof sni === 'string' && sni !== '' ? { sni } : {}),
        ...(reportPart ? { report: JSON.parse(reportPart.content.toString('utf8')) as unknown } : {}),
      };
      received.push(r);
      const a = answer(r);
      if (a === 'hang') return;
      res.writeHead(a.status, { 'Content-Type': 'text/plain; charset=utf-8', ...a.headers });
      res.end(a.body ?? '');
    });
  });
  const close = closer(https);
  const port = await listen(https, host);
  return { url: `https://${host.includes(':') ? `[${host}]` : host}:${port}/Scripts/trsRecvAlert.cgi`, port, received, close };
}

/** Accepts TCP connections and never says a word (not even a TLS hello): a center that hangs while connecting. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const tcp = createTcpServer(() => undefined);
  const close = closer(tcp);
  return { port: await listen(tcp), close };
}

/** A loopback port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const tcp = createTcpServer();
  const port = await listen(tcp);
  await new Promise<void>((resolve) => tcp.close(() => resolve()));
  return port;
}
