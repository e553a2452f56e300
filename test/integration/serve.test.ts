import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Served } from '../../service/serve/server.js';
import { OneTimeCodes } from '../../service/serve/one-time.js';
import { createHost } from '../../service/host-factory.js';

let base: string;
let served: Served;
let clock = 0;

function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: opts.host ?? `127.0.0.1:${served.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/${method}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}`, ...headers },
  });

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-serve-'));
  const renderer = join(base, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(base, 'secret.txt'), 'outside');
  const host = await createHost({ configDir: join(base, 'config'), stateDir: join(base, 'state') });
  served = await serve(host, { rendererDir: renderer, codes: new OneTimeCodes(() => clock, 60_000) });
});
afterAll(async () => {
  await served.close();
  await rm(base, { recursive: true, force: true });
});

describe('express-report serve', () => {
  it('listens on 127.0.0.1 and prints a URL carrying its token', () => {
    expect(served.url).toBe(`http://127.0.0.1:${served.port}/?token=${served.token}`);
    expect(served.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers HostApi calls that carry the token (a first start creates the default config folder)', async () => {
    const r = await api('snapshot', null);
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; result: { settings: Record<string, unknown>; problems: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.result.settings['schedule.retry.intervalMinutes']).toBe(5);
    expect(body.result.problems).toEqual([]);
  });

  it('refuses API calls without the right token', async () => {
    expect((await api('snapshot', null, { authorization: '' })).status).toBe(401);
    expect((await api('snapshot', null, { authorization: `Bearer ${served.token.slice(1)}x` })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-origin caller', async () => {
    expect((await call('/', { host: 'evil.example:80' })).status).toBe(421);
    expect((await api('snapshot', null, { host: `evil.example:${served.port}` })).status).toBe(421);
    expect((await api('snapshot', null, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('snapshot', null, { origin: `http://127.0.0.1:${served.port}` })).status).toBe(200);
  });

  it('validates every request at the host: unknown methods and malformed arguments get a coded refusal', async () => {
    const unknown = await api('deleteEverything', null);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, problems: [{ code: 'ER_1021' }] });
    const malformed = await api('saveSettings', { values: { 'mail.smtp.port': 25 } });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, problems: [{ code: 'ER_1021', detail: expect.stringContaining('values') }] });
    expect((await call('/api/snapshot', { method: 'GET' })).status).toBe(405);
  });

  it('saves through the same validation as the command line, and never returns a secret', async () => {
    const refused = JSON.parse((await api('saveSettings', { values: { 'mail.smtp.port': '70000' } })).body);
    expect(refused.result).toMatchObject({ ok: false, problems: [{ code: 'ER_3009', field: 'mail.smtp.port' }] });
    const saved = JSON.parse((await api('saveSettings', { values: { 'https.proxy.password': 'Pa55word' } })).body);
    expect(saved.result.ok).toBe(true);
    expect(saved.result.snapshot.settings['https.proxy.password']).toBe('(set)');
    expect(JSON.stringify(saved)).not.toContain('Pa55word');
  });

  it('a one-time URL (serve --open) gives the page with the session token once, within 60 s; then a coded refusal', async () => {
    const path = (u: string) => new URL(u).pathname + new URL(u).search;
    const link = path(served.oneTimeUrl());
    expect(link).not.toContain(served.token);
    expect((await call(link, { method: 'HEAD' })).status).toBe(200); // asking does not use it up
    const page = await call(link);
    expect(page.status).toBe(200);
    // Then the window's first answer (issue 16, serve-first-answer.test.ts).
    expect(
      page.body.startsWith(`<!doctype html><meta name="express-report-session" content="${served.token}" /><title>t</title><script type="application/json"`),
    ).toBe(true);
    expect(page.headers['cache-control']).toBe('no-store');
    const used = await call(link);
    expect(used.status).toBe(403);
    expect(used.body).toContain('ER_1098');
    expect(used.body).not.toContain(served.token);

    const late = path(served.oneTimeUrl());
    clock += 60_001;
    const expired = await call(late);
    expect(expired.status).toBe(403);
    expect(expired.body).toContain('ER_1098');
    expect(expired.body).toContain('この設定画面のリンクは使用済みか期限切れです');

    const inTime = path(served.oneTimeUrl());
    clock += 60_000;
    expect((await call(inTime)).status).toBe(200);
    // The Host check comes first, for one-time links too.
    expect((await call(path(served.oneTimeUrl()), { host: 'evil.example:80' })).status).toBe(421);
  });

  it('serves the renderer read-only, with a CSP, and nothing outside its folder', async () => {
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await call('/../secret.txt')).status).toBe(404);
    expect((await call('/%2e%2e/secret.txt')).status).toBe(404);
  });
});
