/**
 * `express-report serve`: the settings window in a browser. HostApi over HTTP on 127.0.0.1 only, with a random token per
 * start (the printed URL carries it; the page keeps it in sessionStorage), the Host header checked (no DNS rebinding),
 * a cross-origin Origin refused, and every API request without the token refused. The same dispatcher serves Electron IPC.
 * A browser started by `--open` gets a one-time link instead of the token (one-time.ts): its command line is public.
 * The local API's limits hold here too (../common/api-guard.ts: connections, idle / header / request time, body size),
 * so a local program, even without the token, cannot take serve's descriptors, memory or time.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { type HostApi } from '../../shared/host/api.js';
import { dispatch } from '../../shared/node/host/dispatch.js';
import { CSP, staticFile } from '../../shared/node/static-files.js';
import { message, problem, type Problem } from '../../shared/messages/problem.js';
import { text, type LocalizedText } from '../../shared/messages/text.js';
import { refusal, type HostRefusal } from '../../shared/host/errors.js';
import { API_LIMITS, CHECK_INTERVAL_MS, guardServer, readLimited, type ApiLimits } from '../common/api-guard.js';
import { OneTimeCodes, ONE_TIME_SECONDS } from './one-time.js';
import { FIRST_ANSWER_ID } from '../../shared/host/first-answer.js';
const MAX_BODY = 16 * 1024 * 1024;

/** The local API's limits, with room for the largest body the window sends (a settings import). */
export const SERVE_LIMITS: ApiLimits = { ...API_LIMITS, maxBodyBytes: MAX_BODY };

export interface Served {
  /** The session URL printed on the terminal: it carries the token itself (only the user sees the terminal). */
  url: string;
  port: number;
  token: string;
  /** A new one-time URL (single use, ONE_TIME_SECONDS): what a browser's command line may carry. */
  oneTimeUrl(): string;
  close(): Promise<void>;
}

export const SESSION_META = 'express-report-session';

/** index.html with the session token in a meta element the page reads once (renderer/host-client.ts) and removes. */
function withSession(html: Buffer, token: string): Buffer {
  const text = html.toString('utf8');
  const meta = `<meta name="${SESSION_META}" content="${token}" />`;
  // Right after <head>, else after the doctype (a page without <head>); never before the doctype (quirks mode).
  const after = /<head(\s[^>]*)?>/i.exec(text) ?? /^\s*<!doctype[^>]*>/i.exec(text);
  const end = after ? after.index + after[0].length : 0;
  return Buffer.from(text.slice(0, end) + meta + text.slice(end));
}

/**
 * The window's page streamed in two parts (issue 16): everything before </body> at once (the browser starts fetching the
 * bundle), then the host's windowLoad reply as JSON in a non-executed script element, so the window has its data when
 * the bundle runs (module scripts run after the whole page is parsed) instead of asking for it after evaluating.
 * Only for a GET that carried the session (token or one-time code): the page then holds nothing the caller could not
 * ask the API for. `<` is escaped so the JSON cannot end the element.
 */
export const firstAnswerElement = (reply: unknown): string =>
  `<script type="application/json" id="${FIRST_ANSWER_ID}">${JSON.stringify(reply).replace(/</g, '\\u003c')}</script>`;

async function sendWithFirstAnswer(res: ServerResponse, page: Buffer, type: string, answer: () => Promise<unknown>): Promise<void> {
  const text = page.toString('utf8');
  const at = text.lastIndexOf('</body>');
  res.writeHead(200, { ...HEADERS, 'content-type': type });
  res.write(at < 0 ? text : text.slice(0, at));
  // Without it (should the dispatcher ever throw) the window asks for it itself, as before.
  const element = await answer().then(firstAnswerElement, () => '');
  res.end(element + (at < 0 ? '' : text.slice(at)));
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a used or expired one-time link gets: the coded message in both languages, nothing else. */
function refusedLinkPage(): string {
  const m = message('ER_1098', { seconds: ONE_TIME_SECONDS });
  return (
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ER_1098 Express Report</title></head><body>` +
    `<h1>ER_1098</h1><p lang="ja">${escapeHtml(m.ja)}</p><p lang="en">${escapeHtml(m.en)}</p></body></html>`
  );
}

const HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...HEADERS, 'content-type': type });
  res.end(body);
}

const json = (res: ServerResponse, status: number, v: unknown) => send(res, status, JSON.stringify(v), 'application/json; charset=utf-8');

/**
 * Every refusal is a HostReply (shared/host/errors.ts) like the host's own: the window shows it coded, in its language.
 * What serve itself refuses (no token, a foreign Host, ...) is ER_1102 with the reason in both languages.
 */
const refuse = (res: ServerResponse, status: number, r: HostRefusal) => json(res, status, r);
const refusedBy = (method: string, why: LocalizedText): HostRefusal => refusal(problem('ER_1102', { method, why }));
const WHY = {
  host: text('Host ヘッダが 127.0.0.1 または localhost のこのポートではありません', 'the Host header is not 127.0.0.1 or localhost on this port'),
  post: text('POST 以外の要求です', 'only POST is accepted'),
  origin: text('他のサイトからの要求です', 'the request came from another site'),
  token: text('セッションのトークンがないか一致しません', 'the session token is missing or wrong'),
  type: text('application/json 以外の要求です', 'only application/json is accepted'),
  size: text(`要求が ${MAX_BODY / 1024 / 1024} MiB を超えています`, `the request is larger than ${MAX_BODY / 1024 / 1024} MiB`),
  get: text('GET 以外の要求です', 'only GET is accepted'),
};

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export interface ServeOptions {
  port?: number;
  rendererDir: string;
  codes?: OneTimeCodes;
  /** SERVE_LIMITS by default; tests lower them. */
  limits?: Partial<ApiLimits>;
  /** Where serve's own coded notices go (connections shed, a body refused); the terminal in the command line. */
  onProblem?: (p: Problem) => void;
  /** Put the first windowLoad answer into the page a session GET gets (default true; benchmarks compare without). */
  firstAnswer?: boolean;
}

export async function serve(api: HostApi, opts: ServeOptions): Promise<Served> {
  const token = randomBytes(24).toString('base64url');
  const codes = opts.codes ?? new OneTimeCodes();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const limits: ApiLimits = { ...SERVE_LIMITS, ...opts.limits };
  const notice = opts.onProblem ?? (() => undefined);
  const withAnswer = opts.firstAnswer ?? true;
  const firstAnswer = () => dispatch(api, 'windowLoad', null);

  const server: Server = createServer({ connectionsCheckingInterval: CHECK_INTERVAL_MS }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = url.pathname.startsWith('/api/') ? url.pathname.slice('/api/'.length) : url.pathname;
      if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, refusedBy(method, WHY.host));
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, refusedBy(method, WHY.post));
        const origin = req.headers.origin;
        if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403, refusedBy(method, WHY.origin));
        if (!tokenMatches(req.headers.authorization, token)) return refuse(res, 401, refusedBy(method, WHY.token));
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, refusedBy(method, WHY.type));
        const got = await readLimited(req, limits.maxBodyBytes);
        if (!got.ok) {
          if (got.status === 413) notice(problem('ER_9201', { limit: limits.maxBodyBytes, request: `POST ${url.pathname}` }));
          res.shouldKeepAlive = false; // the unread rest of the body is not drained
          return got.status === 413 ? refuse(res, 413, refusedBy(method, WHY.size)) : undefined;
        }
        const body = got.body.toString('utf8');
        let arg: unknown;
        try {
          arg = JSON.parse(body || 'null');
        } catch (e) {
          return refuse(res, 400, refusal(problem('ER_1021', { method, reason: `malformed JSON: ${e instanceof Error ? e.message : String(e)}` })));
        }
        // The host's answer as it is: the result, or its Problems whole (the window shows them in its language).
        const r = await dispatch(api, method, arg);
        return json(res, r.ok ? 200 : 400, r);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, refusedBy(method, WHY.get));
      const code = url.pathname === '/' ? url.searchParams.get('code') : null;
      if (code !== null) {
        // A one-time link: used up by this GET (HEAD only asks), answered with the page carrying the session token.
        const ok = req.method === 'GET' ? codes.consume(code) : codes.isLive(code);
        if (!ok) return send(res, 403, refusedLinkPage(), 'text/html; charset=utf-8');
        const page = await staticFile(opts.rendererDir, '/');
        if (!page) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
        if (req.method === 'GET' && withAnswer) return sendWithFirstAnswer(res, withSession(page.body, token), page.type, firstAnswer);
        return send(res, 200, withSession(page.body, token), page.type);
      }
      const file = await staticFile(opts.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      const session = url.pathname === '/' && req.method === 'GET' && withAnswer && tokenMatches(`Bearer ${url.searchParams.get('token') ?? ''}`, token);
      if (session) return sendWithFirstAnswer(res, file.body, file.type, firstAnswer);
      return send(res, 200, file.body, file.type);
    })().catch((e: unknown) => {
      if (!res.headersSent) refuse(res, 500, refusal(problem('ER_1020', { reason: e instanceof Error ? e.message : String(e) })));
    });
  });
  guardServer(server, limits, (count) => notice(problem('ER_9200', { limit: limits.maxConnections, count })));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    oneTimeUrl: () => `http://127.0.0.1:${port}/?code=${codes.issue()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
