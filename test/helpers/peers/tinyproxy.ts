/**
 * tinyproxy (Debian package `tinyproxy`) on loopback with Basic authentication, started in the foreground for one test
 * file and killed after. No ConnectPort line: CONNECT is allowed to any port (the receivers use random ones).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './https-receiver.js';

export interface Tinyproxy {
  port: number;
  user: string;
  password: string;
  /** What tinyproxy printed (its log goes to stderr/stdout in the foreground). */
  log(): string;
  stop(): Promise<void>;
}

export const tinyproxyMissing = (): boolean => spawnSync('tinyproxy', ['-v']).error !== undefined;

function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null) return reject(new Error(`tinyproxy exited with status ${child.exitCode}`));
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > end) reject(new Error(`tinyproxy did not listen on ${port} within ${ms} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export async function startTinyproxy(user = 'reporter', password = 'S3cret-pass.word'): Promise<Tinyproxy> {
  if (tinyproxyMissing()) throw new Error('tinyproxy is not installed: apt-get install -y tinyproxy');
  const dir = await mkdtemp(join(tmpdir(), 'express-report-tinyproxy-'));
  const port = await closedPort();
  const conf = join(dir, 'tinyproxy.conf');
  // tinyproxy's config takes BasicAuth user and password as [-a-z0-9._]+ only.
  await writeFile(conf, [`Port ${port}`, 'Listen 127.0.0.1', 'Timeout 30', 'MaxClients 20', 'LogLevel Info', `BasicAuth ${user} ${password}`, ''].join('\n'));
  const child = spawn('tinyproxy', ['-d', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  try {
    await waitForPort(port, child, 5000);
  } catch (e) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}\n${out}`);
  }
  return {
    port, user, password,
    log: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
