/**
 * The service's local API on 127.0.0.1 (a random port and token per start, both in `<state>/service.json`, mode 0600,
 * so only the service's own user or root can call it): POST /v1/events, GET /v1/status, POST /v1/notify (テスト通報 /
 * 開局通報 for the desktop app, which cannot open the sealed secrets itself), POST /v1/pause and /v1/resume (保守中), GET
 * /v1/relay/agents (the manager relay's agent list). Its limits (connections, time, body size)
 * are in ../common/api-guard.ts.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { serviceInfoPath, type ServiceInfo } from '../../shared/node/service-client.js';
import { eventBody, notifyBody, pauseBody, resumeBody } from '../../shared/host/service-api.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { issuesText } from '../../shared/messages/zod-issues.js';
import { reasonOf } from '../../shared/node/coded-error.js';
import { type ServiceCore } from './core.js';
import { API_LIMITS, CHECK_INTERVAL_MS, guardServer, readLimited, type ApiLimits } from '../common/api-guard.js';

type Reply = (status: number, body: unknown) => void;

async function jsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>, reply: Reply, max: number): Promise<T | undefined> {
  const got = await readLimited(req, max);
  if (!got.ok) {
    reply(got.status, { error: got.status === 413 ? `body larger than ${max} bytes` : 'incomplete body' });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(got.body.toString('utf8'));
  } catch {
    reply(400, { error: 'malformed JSON' });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  reply(400, { error: issuesText(parsed.error) });
  return undefined;
}

export interface IntakeApiOptions {
  /** The API's limits (API_LIMITS); tests lower them. */
  limits?: Partial<ApiLimits>;
  /** Where the API's own problems go (connections shed, bodies refused): the service log. */
  log?: (p: Problem) => void;
}

export interface IntakeApi {
  info: ServiceInfo;
  close(): Promise<void>;
}

/**
 * Listens, then writes service.json (which tells callers the service is ready). If that write fails (disk full) the
 * listener is closed again before the error is thrown, so a failed start leaves nothing open.
 */
export async function startIntakeApi(core: ServiceCore, stateDir: string, o: IntakeApiOptions = {}): Promise<IntakeApi> {
  const limits: ApiLimits = { ...API_LIMITS, ...o.limits };
  const log = o.log ?? (() => undefined);
  const token = randomBytes(24).toString('base64url');
  const want = Buffer.from(`Bearer ${token}`);
  const server: Server = createServer({ connectionsCheckingInterval: CHECK_INTERVAL_MS }, (req, res) => {
    const reply: Reply = (status, body) => {
      if (res.headersSent || res.destroyed) return; // answered already (or the caller left): never a throw from here
      // Refusals close the connection, so an unread body is not drained (a 400 MB body costs nothing).
      const close = status === 401 || status === 413 || !req.complete;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(close ? { connection: 'close' } : {}) });
      res.end(JSON.stringify(body));
    };
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== want.length || !timingSafeEqual(auth, want)) return reply(401, { error: 'token required' });
    const body = <T>(schema: z.ZodType<T>) =>
      jsonBody(
        req,
        schema,
        (status, b) => {
          if (status === 413) log(problem('ER_1045', { limit: limits.maxBodyBytes, request: `${req.method ?? '-'} ${req.url ?? '-'}` }));
          reply(status, b);
        },
        limits.maxBodyBytes,
      );
    void (async () => {
      if (req.method === 'GET' && req.url === '/v1/status') return reply(200, await core.status());
      if (req.method === 'GET' && req.url === '/v1/relay/agents') return reply(200, (await core.relayAgents?.()) ?? []);
      if (req.method === 'POST' && req.url === '/v1/events') {
        const e = await body(eventBody);
        if (!e) return;
        return reply(
          202,
          await core.acceptEvent({ source: e.source, id: parseInt(e.id, 16) >>> 0, message: e.message ?? '', ...(e.time ? { time: e.time } : {}) }),
        );
      }
      if (req.method === 'POST' && req.url === '/v1/notify') {
        const n = await body(notifyBody);
        if (!n) return;
        return reply(200, await core.notify(n));
      }
      if (req.method === 'POST' && req.url === '/v1/pause') {
        const p = await body(pauseBody);
        if (!p) return;
        return reply(200, await core.pause(p));
      }
      if (req.method === 'POST' && req.url === '/v1/resume') {
        const r = await body(resumeBody);
        if (!r) return;
        return reply(200, await core.resume(r));
      }
      return reply(404, { error: 'not found' });
    })().catch((e: unknown) => reply(500, { error: reasonOf(e) }));
  });
  guardServer(server, limits, (count) => log(problem('ER_1044', { limit: limits.maxConnections, count })));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // After listening, an error is a failed accept (EMFILE: no descriptor left): logged at most once a minute, never a
  // crash (Node throws an 'error' nobody listens to), and the listener goes on accepting.
  let lastAcceptError = -Infinity;
  server.on('error', (e) => {
    if (performance.now() - lastAcceptError < 60_000) return;
    lastAcceptError = performance.now();
    log(problem('ER_1034', { request: 'accept', reason: reasonOf(e) }));
  });
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  const info: ServiceInfo = { port: (server.address() as AddressInfo).port, token, pid: process.pid };
  try {
    await writeFileAtomic(serviceInfoPath(stateDir), JSON.stringify(info), { mode: 0o600 });
  } catch (e) {
    await close();
    throw e;
  }
  return {
    info,
    close: async () => {
      await rm(serviceInfoPath(stateDir), { force: true }).catch(() => undefined); // gone or not, the listener closes
      await close();
    },
  };
}
