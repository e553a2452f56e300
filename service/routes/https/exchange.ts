/**
 * One HTTPS request to a destination, directly or through the proxy (HTTP CONNECT via `https-proxy-agent`), with the
 * timeouts of https.timeoutSeconds. It never throws: it says how far it got and, on failure, why, in the peer's words.
 * Deciding what an HTTP status means is the caller's business (the route and the connection test differ).
 */
import { request, type RequestOptions } from 'node:https';
import { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { TLSSocket, type PeerCertificate } from 'node:tls';
import { type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HttpsProxyAgent } from 'https-proxy-agent';
import { type SecureContext } from 'node:tls';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { text } from '../../../shared/messages/text.js';
import { classifyError, replySnippet, statusReply, type Stage } from './classify.js';
import { hostPort, proxyPeer, type Destination, type ProxyConfig, type Transport } from './transport.js';
import { centerIdentity } from './identity.js';
import { dropSession, keepSession, sessionFor } from './sessions.js';

export interface ExchangeRequest {
  method: 'POST' | 'HEAD' | 'GET';
  headers: OutgoingHttpHeaders;
  body?: Readable;
  /**
   * A body of unknown size (a log archive) may take longer than the timeout to upload: then the timeout bounds
   * silence (no byte moving) instead of the whole request.
   */
  longBody?: boolean;
  /**
   * Resume the center's last TLS session (sessions.ts) and keep the new one: the route's reports do; the connection
   * test does not, so it always checks the certificate the center shows now. Direct connections only.
   */
  resume?: boolean;
}

export interface TlsInfo {
  protocol: string;
  subject: string;
  issuer: string;
  validTo: string;
}

export interface ProxyReply {
  statusCode: number;
  statusText: string;
}

export type Exchange =
  | { ok: true; status: number; statusText: string; headers: IncomingMessage['headers']; body: Buffer; tls?: TlsInfo; proxy?: ProxyReply }
  | { ok: false; stage: Stage; problem: Problem; tls?: TlsInfo; proxy?: ProxyReply };

/** What a reply body is read up to; the rest is drained unread. */
const KEEP_BYTES = 4096;

const phase = {
  connect: text('接続中', 'while connecting'),
  reply: text('応答待ち', 'waiting for the reply'),
  idle: text('通信が途絶えたまま', 'nothing moved'),
};

const name = (c: PeerCertificate['subject'] | undefined): string =>
  c
    ? Object.entries(c)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ')
    : '';

function tlsInfo(s: TLSSocket): TlsInfo {
  const c = s.getPeerCertificate();
  return { protocol: s.getProtocol() ?? '', subject: name(c.subject), issuer: name(c.issuer), validTo: c.valid_to ?? '' };
}

/** Loaded with the first proxied exchange: a machine without a proxy never holds the agent (and its debug package). */
async function proxyAgent(p: ProxyConfig): Promise<HttpsProxyAgent<string>> {
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  const host = p.host.includes(':') ? `[${p.host}]` : p.host;
  // Credentials go in our own header, not the proxy URL, so no percent-encoding can mangle them. Basic only (SPEC 4.4).
  const headers: OutgoingHttpHeaders = {};
  if (p.user !== '') headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${p.user}:${p.password}`, 'utf8').toString('base64')}`;
  return new HttpsProxyAgent(`http://${host}:${p.port}`, { headers });
}

export async function exchange(dest: Destination, t: Transport, r: ExchangeRequest, signal: AbortSignal): Promise<Exchange> {
  const agent = t.proxy ? await proxyAgent(t.proxy) : undefined;
  return new Promise<Exchange>((resolve) => {
    const firstHop = t.proxy ? { peer: proxyPeer(t.proxy), host: t.proxy.host, authority: hostPort(t.proxy.host, t.proxy.port) } : undefined;
    const identity = centerIdentity(dest.url);
    const center = { peer: dest.peer, host: identity.host, authority: dest.authority };
    const resume = r.resume === true && !agent ? `${identity.servername}|${dest.authority}` : undefined;
    const session = resume === undefined ? undefined : sessionFor(t.secureContext, resume);
    let proxy: ProxyReply | undefined;
    let tls: TlsInfo | undefined;
    let reply: { res: IncomingMessage; chunks: Buffer[]; kept: number } | undefined;
    let bodyError: Error | undefined;
    let done = false;
    const timers: NodeJS.Timeout[] = [];

    // secureContext reaches tls.connect (an https option Node accepts but its RequestOptions type does not list), and so
    // do servername and checkServerIdentity, by either path: the certificate is checked against the URL's host even
    // where the proxy agent gives Node no host (identity.ts).
    const opts: RequestOptions & { secureContext: SecureContext } = {
      method: r.method,
      headers: r.headers,
      secureContext: t.secureContext,
      agent: agent ?? false,
      rejectUnauthorized: true,
      servername: identity.servername,
      checkServerIdentity: identity.checkServerIdentity,
      ...(session ? { session } : {}),
    };
    const req = request(dest.url, opts);

    const finish = (e: Exchange): void => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      signal.removeEventListener('abort', onAbort);
      req.destroy();
      agent?.destroy();
      if (!e.ok && resume !== undefined) dropSession(t.secureContext, resume);
      resolve({ ...e, ...(tls ? { tls } : {}), ...(proxy ? { proxy } : {}) });
    };
    const fail = (stage: Stage, p: Problem): void => finish({ ok: false, stage, problem: p });
    /** Who was being waited for: the proxy until it answered the CONNECT, then the center. */
    const waitingOn = () => (firstHop && !proxy ? firstHop : center);
    const answered = (): void => {
      if (!reply) return;
      const body = Buffer.concat(reply.chunks);
      if (proxy && proxy.statusCode !== 200) return proxyRefused(body);
      finish({ ok: true, status: reply.res.statusCode ?? 0, statusText: reply.res.statusMessage ?? '', headers: reply.res.headers, body });
    };
    const proxyRefused = (body: Buffer): void => {
      const p = proxy!;
      const auth = reply?.res.headers['proxy-authenticate'];
      const extra = [auth ? `Proxy-Authenticate: ${String(auth)}` : '', replySnippet(body, reply?.res.headers['content-type'])];
      const words = statusReply(p.statusCode, p.statusText, extra);
      const proxyName = firstHop!.authority;
      // 407 is the standard answer; tinyproxy (and others) answer 401 to a CONNECT with wrong credentials.
      if (p.statusCode === 407 || p.statusCode === 401) fail('proxy', problem('ER_2006', { proxy: proxyName, reply: words }, { field: 'https.proxy.user' }));
      else fail('proxy', problem('ER_2007', { proxy: proxyName, target: dest.authority, reply: words }));
    };
    const timedOut = (which: keyof typeof phase) => (): void => {
      if (reply) return answered(); // the status is in: a slow body does not undo it
      if (proxy && proxy.statusCode !== 200) return proxyRefused(Buffer.alloc(0));
      fail('timeout', problem('ER_2003', { peer: waitingOn().peer, seconds: t.timeoutMs / 1000, phase: phase[which] }));
    };
    function onAbort(): void {
      fail('cancelled', problem('ER_2014', { peer: dest.peer }));
    }

    const connectTimer = setTimeout(timedOut('connect'), t.timeoutMs);
    timers.push(connectTimer);
    if (!r.longBody) timers.push(setTimeout(timedOut('reply'), t.timeoutMs));
    req.setTimeout(t.timeoutMs, timedOut('idle'));

    // https-proxy-agent tells the CONNECT status here; on a refusal it replays the proxy's reply as our response.
    req.on('proxyConnect', (c: { statusCode: number; statusText: string }) => {
      proxy = { statusCode: c.statusCode, statusText: c.statusText };
    });
    req.on('socket', (s) => {
      // The request goes out in several writes: without this its last small one waits for the center's delayed ACK
      // (about 40 ms a report, the manager's forwarding rate bound by it: docs/benchmarks.md).
      s.setNoDelay(true);
      if (!(s instanceof TLSSocket)) return;
      if (resume !== undefined) s.on('session', (next: Buffer) => keepSession(t.secureContext, resume, next));
      s.once('secureConnect', () => {
        tls = tlsInfo(s);
        clearTimeout(connectTimer);
      });
    });
    req.on('response', (res) => {
      reply = { res, chunks: [], kept: 0 };
      const got = reply;
      res.on('data', (chunk: Buffer) => {
        if (got.kept >= KEEP_BYTES) return;
        got.chunks.push(chunk);
        got.kept += chunk.length;
      });
      res.on('end', answered);
      res.on('error', answered);
      res.on('aborted', answered);
    });
    req.on('error', (e: Error) => {
      if (done) return;
      if (reply) return answered();
      if (proxy && proxy.statusCode !== 200) return proxyRefused(Buffer.alloc(0));
      if (bodyError) return fail('attachment', problem('ER_2015', { reason: bodyError.message }));
      const c = classifyError(e, waitingOn());
      fail(c.stage, c.problem);
    });

    // Only now: finishing destroys the request, and its 'error' must find the listener above.
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    if (!r.body) {
      req.end();
      return;
    }
    r.body.once('error', (e: Error) => {
      bodyError = e;
    });
    // Errors surface through the request's 'error' event above; the promise only needs its rejection handled.
    pipeline(r.body, req).catch(() => undefined);
  });
}
