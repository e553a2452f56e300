/**
 * `serve` (the settings window's HTTP server) under a local denial of service, as its own process with its descriptors
 * limited (prlimit) to what it uses plus a little more than its connection limit: a silent connection and one that
 * never finishes its headers are closed by serve itself; 400 idle connections are shed oldest first (ER_9200) while
 * the page and an API call (snapshot, with the token) still answer; a body over the limit is refused with 413
 * (ER_9201) from its Content-Length, before any byte of it is read, and when streamed as soon as it passes the limit. Without the limits (0.1.x) the flood took every
 * descriptor and the window's own requests failed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVE_LIMITS } from '../../service/serve/server.js';
import { stopChild } from '../helpers/peers/child.js';
import { until } from '../helpers/service-process.js';

const BIN = fileURLToPath(new URL('../../bin/express-report.mjs', import.meta.url));
const LIMIT = SERVE_LIMITS.maxConnections;
let base: string;
let child: ChildProcess;
let stderr = '';
let port: number;
let token: string;
let baseline = 0;
const fds = async () => (await readdir(`/proc/${child.pid}/fd`)).length;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-serve-limits-'));
  const dirs = ['--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
  child = spawn(process.execPath, [BIN, ...dirs, 'serve', '--no-service'], { env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (l) => resolve(l.trim()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const u = new URL(url);
  port = Number(u.port);
  token = u.searchParams.get('token')!;
  // What it uses now, plus room for the limit and a few more: 400 connections could never fit.
  baseline = await fds();
  const nofile = baseline + LIMIT + 24;
  execFileSync('prlimit', [`--pid=${child.pid}`, `--nofile=${nofile}:${nofile}`]);
}, 90_000);

afterAll(async () => {
  if (child) await stopChild(child);
  if (base) await rm(base, { recursive: true, force: true });
});

function openIdle(n: number): { sockets: Socket[]; closed: () => number } {
  let closed = 0;
  const sockets = Array.from({ length: n }, () => {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => undefined);
    s.on('close', () => closed++);
    return s;
  });
  return { sockets, closed: () => closed };
}

function call(method: 'GET' | 'POST', path: string, headers: Record<string, string | number> = {}, body?: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    if (body === undefined && method === 'POST') req.flushHeaders();
    else req.end(body);
  });
}
const api = (m: string) => call('POST', `/api/${m}`, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, 'null');

describe('serve under many slow or half-open connections', () => {
  it('closes a connection that sends nothing, and one that never finishes its headers', async () => {
    const silent = openIdle(1);
    const partial = connect(port, '127.0.0.1', () => partial.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`));
    let partialClosed = false;
    partial.on('error', () => undefined);
    partial.on('close', () => (partialClosed = true));
    await until(() => silent.closed() === 1 && partialClosed, 30_000, 'both connections to be closed by serve');
  }, 40_000);

  it('sheds idle connections beyond its limit, oldest first: the page and the API still answer', async () => {
    const flood = openIdle(400);
    try {
      await until(() => flood.closed() >= 400 - LIMIT, 30_000, 'the idle connections beyond the limit to be closed');
      expect(await fds()).toBeLessThanOrEqual(baseline + LIMIT + 8);
      expect(await call('GET', '/')).toBe(200);
      expect(await api('snapshot')).toBe(200);
      expect(stderr).toMatch(/ER_9200 .*limit of 32 connections/);
      expect(stderr).not.toMatch(/EMFILE/);
    } finally {
      flood.sockets.forEach((s) => s.destroy());
    }
  }, 60_000);

  it('refuses a body over its limit with 413 from the Content-Length, before reading it; a valid call still answers', async () => {
    const declared = await call('POST', '/api/snapshot', {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': 400 * 1024 * 1024,
    });
    expect(declared).toBe(413);
    await until(() => stderr.includes('ER_9201'), 10_000, 'the refusal to be said');
    // Streamed without a length: refused once the limit has passed, long before the sender is done.
    let sent = 0;
    const streamed = await new Promise<number | string>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/snapshot',
          headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const more = (): void => {
        while (sent < 256 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed);
    expect(sent).toBeLessThan(256 * 1024 * 1024);
    expect(await api('snapshot')).toBe(200);
  });
});
