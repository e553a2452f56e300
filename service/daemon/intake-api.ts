/**
 * The service's local API on 127.0.0.1 (a random port and token per start, both in `<state>/service.json`, mode 0600,
 * so only the service's own user or root can call it): POST /v1/events, GET /v1/status, POST /v1/notify (テスト通報 /
 * 開局通報 for the desktop app, which cannot open the sealed secrets itself).
 */
import { createServer, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { serviceInfoPath, type ServiceInfo } from '../../shared/node/service-client.js';
import { type ServiceCore } from './core.js';

export { serviceInfoPath, type ServiceInfo } from '../../shared/node/service-client.js';

export const eventBody = z.object({
  source: z.string().min(1).max(256),
  id: z.string().regex(/^0x[0-9a-fA-F]{8}$/),
  message: z.string().max(8192).optional(),
  time: z.string().datetime({ offset: true }).optional(),
}).strict();

export const notifyBody = z.object({
  kind: z.enum(['test', 'activation']),
  target: z.enum(['primary', 'secondary']).optional(),
  resultMail: z.string().max(256).optional(),
  resultVia: z.enum(['mail', 'fax']).optional(),
  ignoreDefinitionErrors: z.boolean().optional(),
}).strict();

type Reply = (status: number, body: unknown) => void;

async function jsonBody<T>(req: AsyncIterable<unknown>, schema: z.ZodType<T>, reply: Reply): Promise<T | undefined> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    reply(400, { error: 'malformed JSON' });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  reply(400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  return undefined;
}

export async function startIntakeApi(core: ServiceCore, stateDir: string): Promise<{ info: ServiceInfo; close(): Promise<void> }> {
  const token = randomBytes(24).toString('base64url');
  const want = Buffer.from(`Bearer ${token}`);
  const server: Server = createServer((req, res) => {
    const reply: Reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== want.length || !timingSafeEqual(auth, want)) return reply(401, { error: 'token required' });
    void (async () => {
      if (req.method === 'GET' && req.url === '/v1/status') return reply(200, await core.status());
      if (req.method === 'POST' && req.url === '/v1/events') {
        const e = await jsonBody(req, eventBody, reply);
        if (!e) return;
        return reply(202, await core.acceptEvent({ source: e.source, id: parseInt(e.id, 16) >>> 0, message: e.message ?? '', ...(e.time ? { time: e.time } : {}) }));
      }
      if (req.method === 'POST' && req.url === '/v1/notify') {
        const n = await jsonBody(req, notifyBody, reply);
        if (!n) return;
        return reply(200, await core.notify(n));
      }
      return reply(404, { error: 'not found' });
    })().catch((e: unknown) => reply(500, { error: e instanceof Error ? e.message : String(e) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const info: ServiceInfo = { port: (server.address() as AddressInfo).port, token, pid: process.pid };
  await writeFileAtomic(serviceInfoPath(stateDir), JSON.stringify(info), { mode: 0o600 });
  return {
    info,
    close: async () => {
      await rm(serviceInfoPath(stateDir), { force: true });
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
