/**
 * `express-report serve` as its own process (issue 10): `--open` never puts the session token on a command line (item 7),
 * and serve started from any working folder finds and builds its renderer, or says in one coded line why not (item 12).
 * Each test runs a copy of the package (sources, node_modules linked) so the renderer it builds is its own.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { stopChild } from '../helpers/peers/child.js';
import { until } from '../helpers/service-process.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(stopChild));
});

/** The package's sources in a fresh folder, without out/ (so serve must build the renderer). */
async function packageCopy(base: string): Promise<string> {
  const pkg = join(base, 'pkg');
  await mkdir(pkg);
  for (const e of ['bin', 'renderer', 'shared', 'service', 'resources', 'package.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.base.json']) {
    await cp(join(ROOT, e), join(pkg, e), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  return pkg;
}

interface Serving {
  child: ChildProcess;
  firstLine: Promise<string>;
  stderr(): string;
  exited: Promise<number | null>;
}

function startServe(pkg: string, base: string, args: string[], o: { cwd: string; env?: NodeJS.ProcessEnv }): Serving {
  const child = spawn(
    process.execPath,
    [join(pkg, 'bin', 'express-report.mjs'), '--config-dir', join(base, 'config'), '--state-dir', join(base, 'state'), 'serve', '--no-service', ...args],
    {
      cwd: o.cwd,
      env: { ...process.env, LANG: 'C', ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (l) => resolve(l.trim()));
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  firstLine.catch(() => undefined); // a test that expects the exit does not wait for a line
  return { child, firstLine, stderr: () => err, exited };
}

function http(url: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('serve --open (item 7)', () => {
  it('gives the browser a one-time URL, never the token; the code works once, then the page is ER_1098', async () => {
    const base = await tmp();
    const pkg = await packageCopy(base);
    // The browser: a script that records the command line it was started with (what `ps` shows every local user).
    const browser = join(base, 'fake-browser.sh');
    const argvFile = join(base, 'browser-argv.txt');
    await writeFile(browser, `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${argvFile}'\n`);
    await chmod(browser, 0o755);
    const s = startServe(pkg, base, ['--open'], { cwd: pkg, env: { BROWSER: browser } });
    const printed = await s.firstLine;
    const token = new URL(printed).searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    await until(async () => (await readFile(argvFile, 'utf8').catch(() => '')).endsWith('\n'), 30_000, 'the browser to start');
    const argv = (await readFile(argvFile, 'utf8')).trim().split('\n');
    expect(argv.join(' ')).not.toContain(token);
    expect(argv).toHaveLength(2);
    const link = argv[1]!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{32}$/);
    expect(s.stderr()).toContain('ER_6040 Opening the settings window in the browser (a one-time link, valid for 60 s).');

    // First use: the page, carrying the session token for the page's script (no secret in any URL afterwards).
    const first = await http(link);
    expect(first.status).toBe(200);
    expect(first.body).toContain(`<meta name="express-report-session" content="${token}" />`);
    expect(first.body).toContain('<div id="root">');
    // The session works.
    const origin = new URL(link).origin;
    const api = await http(`${origin}/api/snapshot`, {
      method: 'POST',
      body: 'null',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    // Second use of the same code: refused with a coded page, and no token in it.
    const again = await http(link);
    expect(again.status).toBe(403);
    expect(again.body).toContain('ER_1098');
    expect(again.body).toContain('This link to the settings window has been used or has expired');
    expect(again.body).not.toContain(token);
    // A code nobody was given is refused the same way.
    expect((await http(`${origin}/?code=${'A'.repeat(32)}`)).status).toBe(403);
  }, 120_000);
});

describe('serve from another working folder (item 12)', () => {
  it('finds the renderer relative to the package and builds it', async () => {
    const base = await tmp();
    const pkg = await packageCopy(base);
    const elsewhere = join(base, 'elsewhere');
    await mkdir(elsewhere);
    const s = startServe(pkg, base, [], { cwd: elsewhere });
    const url = await s.firstLine;
    expect(s.stderr()).toContain('Building the renderer (out/renderer)...');
    const page = await http(url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  }, 120_000);

  it('a renderer that cannot be built is one coded line without colour codes, exit 1', async () => {
    const base = await tmp();
    const pkg = await packageCopy(base);
    const index = join(pkg, 'renderer', 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace(/src="[^"]+"/, 'src="./missing-module.tsx"'));
    const s = startServe(pkg, base, [], { cwd: base });
    expect(await s.exited).toBe(1);
    const lines = s.stderr().trim().split('\n');
    expect(lines[0]).toBe('Building the renderer (out/renderer)...');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ER_1095 The settings window \(out\/renderer\) cannot be built: .*missing-module/);
    expect(s.stderr()).not.toContain('\u001b');
  }, 120_000);
});
