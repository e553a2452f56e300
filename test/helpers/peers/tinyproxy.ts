/**
 * tinyproxy (Debian package `tinyproxy`) on loopback with Basic authentication, started in the foreground for one test
 * file and killed after. No ConnectPort line: CONNECT is allowed to any port (the receivers use random ones).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './https-receiver.js';
import { stopChild, waitForPort } from './child.js';

export interface Tinyproxy {
  port: number;
  user: string;
  password: string;
  /** What tinyproxy printed (its log goes to stderr/stdout in the foreground). */
  log(): string;
  stop(): Promise<void>;
}

export const tinyproxyMissing = (): boolean => spawnSync('tinyproxy', ['-v']).error !== undefined;

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
    await waitForPort('tinyproxy', port, child, 5000);
  } catch (e) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}\n${out}`);
  }
  return {
    port,
    user,
    password,
    log: () => out,
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
