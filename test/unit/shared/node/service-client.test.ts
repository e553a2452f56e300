/**
 * ServiceClient checks every reply of the local API against the contract declared once (shared/host/service-api.ts)
 * and fails only with coded errors: a reply of the wrong shape is ER_1094 naming the request, an unreadable
 * service.json ER_1032.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { ServiceClient, serviceInfoPath } from '../../../../shared/node/service-client.js';
import { CodedError } from '../../../../shared/node/coded-error.js';
import { requestSchemas } from '../../../../shared/host/schemas.js';
import { eventBody, resumeBody } from '../../../../shared/host/service-api.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
let server: Server | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()))));
});

const STATUS = { state: 'active', pending: 0, expired: 0, pid: 1, startedAt: '2026-01-01T00:00:00.000Z' };

/** A service whose status and events answer what the test says. */
async function fakeService(answers: { status?: unknown; events?: unknown }): Promise<string> {
  const state = await tmp();
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(req.url === '/v1/events' ? 202 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/v1/events' ? answers.events : (answers.status ?? STATUS)));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  await writeFile(serviceInfoPath(state), JSON.stringify({ port: (server.address() as AddressInfo).port, token: 't', pid: 1 }));
  return state;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CodedError);
  return (e as CodedError).code;
}

describe('ServiceClient', () => {
  it('returns a reply of the declared shape, keeping keys a newer service adds', async () => {
    const client = await ServiceClient.connect(
      await fakeService({ status: { ...STATUS, lastReload: { ok: true } }, events: { result: 'accepted', reportId: 'r1' } }),
    );
    expect(await client.status()).toEqual({ ...STATUS, lastReload: { ok: true } });
    expect(await client.event({ source: 'disk', id: '0xC0040006' })).toEqual({ result: 'accepted', reportId: 'r1' });
  });

  it('refuses a reply of another shape with ER_1094 naming the request and what is wrong', async () => {
    const client = await ServiceClient.connect(await fakeService({ status: { ...STATUS, pending: 'many' }, events: { result: 'queued' } }));
    const status = await client.status().catch((e: unknown) => e as CodedError);
    expect(status).toBeInstanceOf(CodedError);
    expect((status as CodedError).problem.message.en).toMatch(/^The answer of the reporting service to status cannot be read \(HTTP 200\): pending: /);
    expect(await codeOf(client.event({ source: 'disk', id: '0xC0040006' }))).toBe('ER_1094');
    const reload = await ServiceClient.connect(await fakeService({ status: { ...STATUS, config: { lastReload: { at: 'x', ok: 'yes', problems: [] } } } }));
    expect(await codeOf(reload.status())).toBe('ER_1094');
  });

  it('an unreadable or missing service.json is ER_1032, never a SyntaxError', async () => {
    const state = await tmp();
    expect(await codeOf(ServiceClient.connect(state))).toBe('ER_1032');
    await writeFile(serviceInfoPath(state), '{"port": ');
    expect(await codeOf(ServiceClient.connect(state))).toBe('ER_1032');
    await writeFile(serviceInfoPath(state), JSON.stringify({ port: 'x', token: 't', pid: 1 }));
    expect(await codeOf(ServiceClient.connect(state))).toBe('ER_1032');
  });

  it('nobody listening is ER_1032', async () => {
    const state = await fakeService({});
    await new Promise<void>((r) => server!.close(() => r()));
    expect(await codeOf(ServiceClient.connect(state))).toBe('ER_1032');
  });
});

describe("the local API's requests are declared once", () => {
  it("HostApi's schemas use the service API's pieces", () => {
    expect(requestSchemas.resumeService).toBe(resumeBody);
    expect(requestSchemas.testEvent.shape.source).toBe(eventBody.shape.source);
    expect(requestSchemas.testEvent.shape.id).toBe(eventBody.shape.id);
  });
});
