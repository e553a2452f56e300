/**
 * `express-report serve`: the settings window in a browser. HostApi over HTTP on 127.0.0.1 only, with a random token per
 * start (the printed URL carries it; the page keeps it in sessionStorage), the Host header checked (no DNS rebinding),
 * a cross-origin Origin refused, and every API request without the token refused. The same dispatcher serves Electron IPC.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { type HostApi } from '../../shared/host/api.js';
import { dispatch } from '../../shared/node/host/dispatch.js';
import { CSP, staticFile } from '../../shared/node/static-files.js';
const MAX_BODY = 16 * 1024 * 1024;

export interface Served {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, v: unknown) => send(res, status, JSON.stringify(v), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export async function serve(api: HostApi, opts: { port?: number; rendererDir: string }): Promise<Served> {
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) return json(res, 421, { ok: false, error: 'host not allowed' });
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'POST only' });
        const origin = req.headers.origin;
        if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return json(res, 403, { ok: false, error: 'cross-origin request refused' });
        if (!tokenMatches(req.headers.authorization, token)) return json(res, 401, { ok: false, error: 'token required' });
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return json(res, 415, { ok: false, error: 'application/json only' });
        const body = await readBody(req);
        if (body === undefined) return json(res, 413, { ok: false, error: 'request too large' });
        let arg: unknown;
        try {
          arg = JSON.parse(body || 'null');
        } catch {
          return json(res, 400, { ok: false, error: 'malformed JSON' });
        }
        const r = await dispatch(api, url.pathname.slice('/api/'.length), arg);
        return r.ok ? json(res, 200, r) : json(res, 400, { ok: false, error: `${r.error.code} ${r.error.message.en}`, problem: r.error });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { ok: false, error: 'GET only' });
      const file = await staticFile(opts.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      return send(res, 200, file.body, file.type);
    })().catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
