/**
 * Limits of the local API (docs/delivery.md "The local API"), so that a local program, even without the token, cannot
 * take the service's file descriptors, memory or time:
 * - at most `maxConnections` sockets; a new one over the limit closes the OLDEST socket that is not handling a request
 *   (a silent or half-sent connection is never busy), so callers that send their request at once still get answers
 *   while something holds connections open, and the service's descriptors stay bounded;
 * - a socket that sends nothing for `idleMs` is closed (Node's headersTimeout only starts at the first byte), the
 *   headers must arrive within `headersTimeoutMs` and the whole request within `requestTimeoutMs`, a kept-alive socket
 *   is closed after `keepAliveTimeoutMs`; a request being answered is never cut (a notification can take minutes);
 * - a body over `maxBodyBytes` is refused with 413, from its Content-Length before reading anything, or as soon as the
 *   bytes streamed pass the limit.
 */
import { type IncomingMessage, type Server } from 'node:http';
import { type Socket } from 'node:net';

export interface ApiLimits {
  maxConnections: number;
  idleMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxBodyBytes: number;
}

/** The largest valid body (an event: source 256 + message 8192 characters) is well under 64 KiB. */
export const API_LIMITS: ApiLimits = {
  maxConnections: 32,
  idleMs: 10_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxBodyBytes: 64 * 1024,
};

/** How often Node checks headersTimeout / requestTimeout (its default is 30 s, longer than the limits themselves). */
export const CHECK_INTERVAL_MS = 1_000;

/**
 * Applies the limits to a server made with `connectionsCheckingInterval: CHECK_INTERVAL_MS`. `onShed(count)` is called
 * when connections had to be closed to stay under the limit, at most once a minute (with the count since the last
 * call), so a flood is one log line, not one per connection.
 */
export function guardServer(server: Server, limits: ApiLimits, onShed: (count: number) => void): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Node arms socket.setTimeout(server.timeout) on every new socket; with a 'timeout' listener on the server it no
  // longer destroys on its own, so the listener decides: idle sockets go, sockets answering a request stay.
  server.timeout = limits.idleMs;
  const open = new Set<Socket>(); // insertion order: oldest first
  const busy = new Set<Socket>();
  server.on('timeout', (socket: Socket) => {
    if (!busy.has(socket)) socket.destroy();
  });
  server.on('request', (req: IncomingMessage, res) => {
    busy.add(req.socket);
    res.once('close', () => busy.delete(req.socket));
  });
  let shed = 0;
  let lastNotice = -Infinity;
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      busy.delete(socket);
    });
    if (open.size <= limits.maxConnections) return;
    let victim: Socket = socket; // if every other socket is answering a request, the newcomer waits its turn elsewhere
    for (const s of open) {
      if (s !== socket && !busy.has(s)) {
        victim = s;
        break;
      }
    }
    open.delete(victim);
    victim.destroy();
    shed++;
    const now = performance.now();
    if (now - lastNotice >= 60_000) {
      lastNotice = now;
      onShed(shed);
      shed = 0;
    }
  });
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 413 | 400 };

/**
 * Reads a request body of at most `max` bytes. Past the limit it stops reading at once (the stream is paused, never
 * drained) and the caller answers 413 and closes the connection. A client that goes away mid-body gives a 400.
 */
export function readLimited(req: IncomingMessage, max: number): Promise<BodyResult> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > max) return Promise.resolve({ ok: false, status: 413 });
  req.on('error', () => undefined); // a client gone mid-body is answered below, never an unhandled 'error'
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (r: BodyResult): void => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      resolve(r);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size <= max) {
        chunks.push(c);
        return;
      }
      req.pause();
      done({ ok: false, status: 413 });
    };
    const onEnd = (): void => done({ ok: true, body: Buffer.concat(chunks) });
    const onGone = (): void => done({ ok: false, status: 400 });
    req.on('data', onData).once('end', onEnd).once('error', onGone).once('close', onGone);
  });
}
