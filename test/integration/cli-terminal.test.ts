/**
 * Issue 10 items 12 and 13, from the real command line (`express-report` as its own process, as an operator types it):
 * what reaches the terminal from files, devices, pipes and the service API.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { processCli, type ProcessRun } from '../helpers/process-cli.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();

async function machine() {
  const base = await tmp();
  const config = join(base, 'config');
  const state = join(base, 'state');
  const c = processCli(config, state);
  expect((await c.run(['init'])).code).toBe(0);
  return { base, config, state, ...c };
}

/** The command as a process with its standard input from `stdinFd` and its stdout closed at once when `closeStdout`. */
function runWith(argv: string[], o: { stdinFd?: number; closeStdout?: boolean }): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      env: { ...process.env, LANG: 'C' },
      stdio: [o.stdinFd ?? 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    // The reader goes away before the command writes anything, as `| head -1` does after its line.
    if (o.closeStdout) child.stdout!.destroy();
    else
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
      });
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const ESC = '\u001b';

describe('control characters from a definition file (item 12)', { timeout: 90_000 }, () => {
  it('are shown as visible escapes, never sent to the terminal', async () => {
    const m = await machine();
    const log = join(m.config, 'WebReprt', 'AMHTPLOG.INF');
    await writeFile(log, `[Tool001]\r\nSourceName01=disk\r\nEventID01=*\r\n${ESC}[31mBAD${ESC}]0;owned\u0007\u202e\r\n`);
    const v = await m.run(['validate']);
    expect(v.code).toBe(1);
    expect(v.err).not.toContain(ESC);
    expect(v.err).not.toContain('\u0007');
    expect(v.err).not.toContain('\u202e');
    expect(v.err).toContain(`${log}:4: ER_4018 This line cannot be understood: "\\x1b[31mBAD\\x1b]0;owned\\x07\\u202e"`);
  });

  it('inf show escapes them in its JSON too (C1 and bidi controls, which JSON leaves raw)', async () => {
    const m = await machine();
    const file = join(m.base, 'AMHTPLOG.INF');
    await writeFile(file, '[Tool001]\r\nSourceName01=d\u009b2J\u202eisk\r\nEventID01=*\r\n');
    const r = await m.run(['inf', 'show', file]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u0080-\u009f\u202e]/);
    // Still valid JSON, and the value comes back exactly.
    expect(JSON.parse(r.out)).toMatchObject({ model: { tools: [{ matches: [{ source: 'd\u009b2J\u202eisk' }] }] } });
  });
});

describe('every file the command line reads is bounded (item 12)', { timeout: 90_000 }, () => {
  it('activate --key-file /dev/zero is refused at once as not a regular file', async () => {
    const m = await machine();
    const r = await m.run(['activate', '--key-file', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('ER_1090 /dev/zero is not a regular file (a character device); only a regular file is read here.');
  });

  it('a FIFO as key file or as inf show FILE is refused without waiting for a writer', async () => {
    const m = await machine();
    const fifo = join(m.base, 'AMHTPADR.INF');
    execFileSync('mkfifo', [fifo]);
    const a = await m.run(['activate', '--key-file', fifo]);
    expect(a.code).toBe(1);
    expect(a.err).toContain(`ER_1090 ${fifo} is not a regular file (a named pipe (FIFO))`);
    const s = await m.run(['inf', 'show', fifo]);
    expect(s.code).toBe(1);
    expect(s.err).toContain(`ER_1090 ${fifo} is not a regular file`);
  });

  it('a key file larger than 1 MiB and a definition file larger than 16 MiB are refused by their size', async () => {
    const m = await machine();
    const key = join(m.base, 'big.key');
    await writeFile(key, '');
    await truncate(key, 1024 * 1024 + 1);
    const a = await m.run(['activate', '--key-file', key]);
    expect(a.code).toBe(1);
    expect(a.err.trim()).toBe(`ER_1091 ${key} is too large: at most 1048576 bytes are read here. Check that it is the right file.`);
    const inf = join(m.base, 'AMHTPLOG.INF');
    await writeFile(inf, '');
    await truncate(inf, 16 * 1024 * 1024 + 1);
    const s = await m.run(['inf', 'show', inf]);
    expect(s.code).toBe(1);
    expect(s.err).toContain(`ER_1091 ${inf} is too large: at most 16777216 bytes are read here.`);
  });

  it('config set KEY --stdin < /dev/zero stops after 64 KiB with a coded message and changes nothing', async () => {
    const m = await machine();
    const before = await readFile(join(m.config, 'routes.ini'));
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = await runWith([...m.argv, 'config', 'set', 'https.proxy.password', '--stdin'], { stdinFd: zero });
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe('ER_1091 standard input is too large: at most 65536 bytes are read here. Check that it is the right file.');
    } finally {
      closeSync(zero);
    }
    expect(await readFile(join(m.config, 'routes.ini'))).toEqual(before);
  });
});

describe('a reader that goes away (item 12)', { timeout: 90_000 }, () => {
  it('config list | head -1: exit 0, no EPIPE stack trace', async () => {
    const m = await machine();
    for (const args of [['config', 'list'], ['config', 'list', '--json'], ['--help']]) {
      const r = await runWith([...m.argv, ...args], { closeStdout: true });
      expect({ args, code: r.code, err: r.err }).toEqual({ args, code: 0, err: '' });
    }
  });
});

describe('the service API answering with an error status (item 12)', { timeout: 90_000 }, () => {
  let api: Server | undefined;
  afterEach(async () => {
    await new Promise((r) => api?.close(r) ?? r(undefined));
    api = undefined;
  });

  /** A local API that answers status, and events with `status` and `body` (as a failing service does). */
  async function fakeService(state: string, status: number, body: string): Promise<void> {
    api = createServer((req, res) => {
      if (req.url === '/v1/status') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ state: 'running', pending: 0, expired: 0 }));
        return;
      }
      req.resume();
      req.on('end', () => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      });
    });
    await new Promise<void>((r) => api!.listen(0, '127.0.0.1', r));
    await mkdir(state, { recursive: true });
    await writeFile(join(state, 'service.json'), JSON.stringify({ port: (api.address() as AddressInfo).port, token: 't', pid: process.pid }), { mode: 0o600 });
  }

  it.each([
    [
      500,
      JSON.stringify({ error: 'ENOSPC: no space left on device, write' }),
      'ER_1092 The reporting service failed to carry out event disk 0xC0040006 (HTTP 500): ENOSPC: no space left on device, write. See its log (log/service.log in the state folder).',
    ],
    [
      500,
      '<html>Internal Server Error</html>',
      'ER_1092 The reporting service failed to carry out event disk 0xC0040006 (HTTP 500): <html>Internal Server Error</html>. See its log (log/service.log in the state folder).',
    ],
    [400, JSON.stringify({ error: 'id: Invalid' }), 'ER_1093 The reporting service refused event disk 0xC0040006 (HTTP 400): id: Invalid'],
    [
      401,
      JSON.stringify({ error: 'token required' }),
      'ER_1093 The reporting service refused event disk 0xC0040006 (HTTP 401): the token of service.json was not accepted; the service may have restarted, try again (token required)',
    ],
    [202, 'accepted?', 'ER_1094 The answer of the reporting service to event disk 0xC0040006 cannot be read (HTTP 202): not JSON'],
  ])('event getting HTTP %i says what the service did, coded', async (status, body, line) => {
    const m = await machine();
    await fakeService(m.state, status, body);
    const r = await m.run(['event', '--source', 'disk', '--id', '0xC0040006']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(line);
    expect(r.err).not.toMatch(/Cannot understand/);
  });
});

describe('UTF-16 definition files (item 12)', { timeout: 90_000 }, () => {
  const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

  it('inf show: one coded line naming the file, not one garbage line per line', async () => {
    const m = await machine();
    const file = join(m.base, 'AMHTPADR.INF');
    await writeFile(file, utf16le('[URL1]\r\nURL= https://center.example/report\r\n'));
    const r = await m.run(['inf', 'show', file]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${file}:1: ER_4031 ${file} is saved as UTF-16LE, which is not supported: save it as Shift_JIS or UTF-8.`);
  });

  it('validate: one ER_4031 line for a UTF-16 AMHTPLOG.INF, no ER_4018 per line', async () => {
    const m = await machine();
    await writeFile(join(m.config, 'WebReprt', 'AMHTPLOG.INF'), utf16le('[Tool001]\r\nSourceName01=disk\r\nEventID01=*\r\n'));
    const r = await m.run(['validate']);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ER_4031 .*UTF-16LE, which is not supported: save it as Shift_JIS or UTF-8\.$/);
  });
});

describe('redirection in AMHTPLOG.INF Command (item 13)', { timeout: 90_000 }, () => {
  it('is refused inside the quotes too, located at its line', async () => {
    const m = await machine();
    const log = join(m.config, 'WebReprt', 'AMHTPLOG.INF');
    await writeFile(log, '[Tool001]\r\nSourceName01=disk\r\nEventID01=*\r\nCommand="c:\\x.bat > c:\\out.txt"\r\nDirectory="c:\\"\r\n');
    const r = await m.run(['validate']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      `${log}:4: ER_4013 Command cannot contain a redirection (""c:\\x.bat > c:\\out.txt""). Redirect inside a batch file or script instead.`,
    );
  });
});
