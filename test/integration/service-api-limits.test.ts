/**
 * The local API under a local denial of service (issue 10 item 6), against the real service process: its descriptors
 * limited (prlimit) to what it uses plus a little more than the API's connection limit, as on a machine where another
 * user opens thousands of connections. Idle connections beyond the limit are closed, oldest first, so `status` still
 * answers and a drop file is still taken; a silent or half-sent connection is closed by itself; a body over 64 KiB is
 * refused with 413 before it is read. Last, a FIFO in the drop folder does not keep SIGTERM from stopping it (item 9).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { constants, openSync, closeSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startService, until as untilLogged, type Machine, type ServiceProcess } from '../helpers/service-process.js';

const LIMIT = 32; // API_LIMITS.maxConnections
let base: string;
let machine: Machine;
let receiver: Receiver;
let service: ServiceProcess;
let api: { port: number; token: string };
let baseline = 0;
const state = () => join(base, 'state');
const log = () => service.log();
const until = (check: () => boolean | Promise<boolean>, ms = 20_000, what = '') => untilLogged(check, ms, what, log);
const fds = async () => (await readdir(`/proc/${service.child.pid}/fd`)).length;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-api-limits-'));
  const pki = makeTestPki();
  receiver = await startReceiver(pki.server);
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  machine = await activatedMachine(base, { url: receiver.url, caFile: join(base, 'ca.pem'), settings: ['suppression.use', 'off'], state: 'active' });
  service = await startService(machine, ['--no-os-events']);
  api = JSON.parse(await readFile(join(state(), 'service.json'), 'utf8')) as { port: number; token: string };
  // What it uses now, plus room for the API's limit and a few more: 400 connections could never fit.
  baseline = await fds();
  const nofile = baseline + LIMIT + 24;
  execFileSync('prlimit', [`--pid=${service.child.pid}`, `--nofile=${nofile}:${nofile}`]);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

function openIdle(n: number): { sockets: Socket[]; closed: () => number } {
  let closed = 0;
  const sockets = Array.from({ length: n }, () => {
    const s = connect(api.port, '127.0.0.1');
    s.on('error', () => undefined);
    s.on('close', () => {
      closed++;
    });
    return s;
  });
  return { sockets, closed: () => closed };
}

/** One request with the token; resolves with the status, or the error if the connection broke first. */
function post(headers: Record<string, string | number>, body: (req: ReturnType<typeof request>) => void): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: api.port,
        method: 'POST',
        path: '/v1/events',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    body(req);
  });
}

describe('the local API under a local denial of service', () => {
  // First, on a fresh service (after a flood an old service would refuse everything at once, proving nothing).
  it('closes a connection that sends nothing, and one that never finishes its headers', async () => {
    const silent = openIdle(1);
    const partial = connect(api.port, '127.0.0.1', () => partial.write('GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    let partialClosed = false;
    partial.on('error', () => undefined);
    partial.on('close', () => {
      partialClosed = true;
    });
    await until(() => silent.closed() === 1 && partialClosed, 30_000, 'both connections to be closed by the service');
  }, 40_000);

  it('closes idle connections beyond its limit (oldest first): status answers and a drop file is taken meanwhile', async () => {
    const mark = log().length;
    const flood = openIdle(400);
    try {
      await until(() => flood.closed() >= 400 - LIMIT, 30_000, 'the idle connections beyond the limit to be closed');
      expect(await fds()).toBeLessThanOrEqual(baseline + LIMIT + 8); // bounded, whatever the flood
      const status = await machine.cli(['status', '--json']);
      expect(status.code, status.err).toBe(0);
      const drop = join(state(), 'drop');
      await writeFile(join(drop, 'fan.tmp'), JSON.stringify({ source: 'ESMCommonService', id: '0xc0000451', message: 'fan' }));
      await rename(join(drop, 'fan.tmp'), join(drop, 'fan.json'));
      await until(() => receiver.received.some((r) => (r.report as { event?: { id: number } }).event?.id === 0xc0000451), 30_000, 'the fan report');
      expect(log().slice(mark)).toMatch(/ER_1044 The local API reached its limit of 32 connections/);
      expect(log().slice(mark)).not.toMatch(/EMFILE/);
    } finally {
      flood.sockets.forEach((s) => s.destroy());
    }
  }, 90_000);

  it('refuses a body over 64 KiB with 413, from its Content-Length before any byte of it, and when streamed', async () => {
    const mark = log().length;
    const declared = await post({ 'content-length': 400 * 1024 * 1024 }, (req) => req.flushHeaders()); // no body sent
    expect(declared).toBe(413);
    let sent = 0;
    const streamed = await post({ 'transfer-encoding': 'chunked' }, (req) => {
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const more = (): void => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      req.on('error', () => undefined);
      more();
    });
    // Refused as soon as 64 KiB had passed: a 413, or the connection closed under a client still writing.
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    await until(
      () =>
        (
          log()
            .slice(mark)
            .match(/ER_1045/g) ?? []
        ).length >= 1,
      10_000,
      'the refusal to be logged',
    );
    // A valid request still works.
    const ok = await post({}, (req) => req.end(JSON.stringify({ source: 'atapi', id: '0x00000001' })));
    expect(ok).toBe(202);
  });

  it('a FIFO named *.json in the drop folder is moved aside and does not keep SIGTERM from stopping the service', async () => {
    const drop = join(state(), 'drop');
    const fifo = join(drop, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    try {
      await until(() => log().includes('ER_1037'), 20_000, 'the FIFO to be refused');
      expect(await readdir(join(drop, 'rejected'))).toContain('pipe.json');
      const exited = new Promise<number | null>((r) => service.child.once('exit', (code) => r(code)));
      service.child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
      expect(code).toBe(0);
    } finally {
      for (const f of [fifo, join(drop, 'rejected', 'pipe.json')]) {
        try {
          closeSync(openSync(f, constants.O_WRONLY | constants.O_NONBLOCK)); // the old code's blocked reader, released
        } catch {
          // nobody reading it
        }
      }
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  }, 40_000);
});
