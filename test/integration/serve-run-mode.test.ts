/**
 * Which service `serve` uses (issue 15), with real processes on temp folders: in a portable run (no system service
 * installed: the test's own empty unit-path list) it starts the service as its child (`--run-mode child`) and stops it
 * when it stops; with a system service "installed" (a unit file at a test path, EXPRESS_REPORT_SYSTEM_UNIT_PATHS) but
 * not running it starts none and says how to start it (ER_8200), as its HostApi and `status` do; with a service
 * already running (`--run-mode system`) it uses that one. stdout's first line stays the session URL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ServiceClient } from '../../shared/node/service-client.js';
import { SYSTEM_STATE_DIR_ENV, SYSTEM_UNIT_PATHS_ENV } from '../../shared/node/service-presence.js';
import { isCodedError } from '../../shared/node/coded-error.js';
import { stopChild } from '../helpers/peers/child.js';
import { processCli } from '../helpers/process-cli.js';
import { startService, until, type ServiceProcess } from '../helpers/service-process.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs();
const children: ChildProcess[] = [];
const services: ServiceProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(stopChild));
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

interface Machine {
  configDir: string;
  stateDir: string;
  argv: string[];
  cli: ReturnType<typeof processCli>['run'];
}

/** A config folder made by `init` (the service needs one), on fresh folders. */
async function machine(): Promise<Machine> {
  const base = await tmp();
  const configDir = join(base, 'config');
  const stateDir = join(base, 'state');
  const { argv, run } = processCli(configDir, stateDir);
  expect((await run(['init'])).code).toBe(0);
  return { configDir, stateDir, argv, cli: run };
}

interface Serving {
  child: ChildProcess;
  url: string;
  stderr(): string;
  exited: Promise<number | null>;
}

async function serve(m: Machine, env: NodeJS.ProcessEnv): Promise<Serving> {
  const child = spawn(process.execPath, [...m.argv, 'serve'], { env: { ...process.env, LANG: 'C', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (l) => resolve(l.trim()));
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  return { child, url, stderr: () => err, exited };
}

/** One HostApi call through serve's HTTP API, as the page makes it. */
function api(url: string, method: string): Promise<{ ok: boolean; result?: unknown }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      `${u.origin}/api/${method}`,
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${u.searchParams.get('token')}` } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body) as { ok: boolean; result?: unknown }));
      },
    );
    req.on('error', reject);
    req.end('null');
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const notRunning = (stateDir: string) =>
  ServiceClient.connect(stateDir).then(
    () => false,
    (e: unknown) => isCodedError(e, 'ER_1032'),
  );

describe('serve and the service it uses', () => {
  it('a portable run: serve starts the service as its child (run mode child) and stops it when it stops', async () => {
    const m = await machine();
    const s = await serve(m, { [SYSTEM_UNIT_PATHS_ENV]: join(m.configDir, 'no-such.service') });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    await until(() => s.stderr().includes('ER_8202'), 30_000, 'serve to start its child', s.stderr);
    await until(async () => !(await notRunning(m.stateDir)), 60_000, 'the child service to answer', s.stderr);
    const status = await (await ServiceClient.connect(m.stateDir)).status();
    expect(status.runMode).toBe('child');
    expect(status.pid).not.toBe(s.child.pid);
    expect(s.stderr()).toContain(`ER_8202 No system service is installed: the reporting service was started as a child (pid ${status.pid}).`);
    // The window's HostApi says the same, and that no system service is installed.
    expect(((await api(s.url, 'serviceStatus')).result as { runMode?: string }).runMode).toBe('child');
    expect((await api(s.url, 'systemService')).result).toEqual({
      installed: false,
      startCommand: 'systemctl start express-report',
      stateDir: '/var/lib/express-report',
    });
    const statusCmd = await m.cli(['status']);
    expect(statusCmd.out).toContain(`run mode: child process (pid ${status.pid})`);

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(alive(status.pid)).toBe(false);
    expect(await notRunning(m.stateDir)).toBe(true);
    expect(s.stderr()).not.toContain('ER_8203'); // stopped by serve: no "the child ended" warning
  }, 120_000);

  it('a system service installed but stopped: serve starts none and says how to start it; so do its HostApi and status', async () => {
    const m = await machine();
    const unit = join(m.configDir, 'express-report.service');
    await writeFile(unit, '[Unit]\nDescription=test stand-in\n');
    // The stand-in unit's service would use this machine's folders (the test's own).
    const env = { [SYSTEM_UNIT_PATHS_ENV]: unit, [SYSTEM_STATE_DIR_ENV]: m.stateDir };
    const s = await serve(m, env);
    await until(() => s.stderr().includes('ER_8200'), 30_000, 'serve to decide', s.stderr);
    expect(s.stderr()).toContain(`ER_8200 [warning] The system service (${unit}) is installed but stopped`);
    expect(s.stderr()).toContain('systemctl start express-report');
    expect(s.stderr()).not.toContain('ER_8202');
    expect(await notRunning(m.stateDir)).toBe(true);
    expect((await api(s.url, 'serviceStatus')).result).toBeUndefined();
    expect((await api(s.url, 'systemService')).result).toEqual({
      installed: true,
      where: unit,
      startCommand: 'systemctl start express-report',
      stateDir: m.stateDir,
    });

    const status = async (e: NodeJS.ProcessEnv): Promise<{ code: number | null; err: string }> => {
      const p = spawn(process.execPath, [...m.argv, 'status'], { env: { ...process.env, LANG: 'C', ...e }, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      p.stderr!.on('data', (c: Buffer) => (err += c.toString()));
      return { code: await new Promise<number | null>((r) => p.once('exit', r)), err };
    };
    const stopped = await status(env);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toMatch(/ER_8200[^\n]*systemctl start express-report[\s\S]*ER_1032/);
    // A window on other folders than the system service's (a user's, on a server): not "stopped", but "other folders".
    const elsewhere = await status({ [SYSTEM_UNIT_PATHS_ENV]: unit, [SYSTEM_STATE_DIR_ENV]: '/var/lib/express-report' });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toMatch(
      /ER_8205 \[warning\] A system service \([^)]*\) is installed on this computer, but other folders than its state folder \/var\/lib\/express-report are in use/,
    );
    expect(elsewhere.err).not.toContain('ER_8200');
  }, 120_000);

  it('a service already running (--run-mode system): serve uses it and starts none', async () => {
    const m = await machine();
    const svc = await startService(m, ['--no-os-events', '--run-mode', 'system']);
    services.push(svc);
    const s = await serve(m, { [SYSTEM_UNIT_PATHS_ENV]: '' });
    await until(() => s.stderr().includes('ER_8201'), 30_000, 'serve to decide', s.stderr);
    expect(s.stderr()).toContain(`ER_8201 Using the running reporting service (pid ${svc.child.pid}, system service).`);
    expect(s.stderr()).not.toContain('ER_8202');
    const status = (await api(s.url, 'serviceStatus')).result as { runMode?: string; pid: number };
    expect(status).toMatchObject({ runMode: 'system', pid: svc.child.pid });
    const json = JSON.parse((await m.cli(['status', '--json'])).out) as { runMode?: string };
    expect(json.runMode).toBe('system');

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(alive(svc.child.pid!)).toBe(true); // not serve's to stop
    expect(await notRunning(m.stateDir)).toBe(false);
  }, 120_000);

  it('`service` without --run-mode says manual', async () => {
    const m = await machine();
    services.push(await startService(m, ['--no-os-events']));
    expect((await (await ServiceClient.connect(m.stateDir)).status()).runMode).toBe('manual');
    expect((await m.cli(['status'])).out).toContain('run mode: started by hand');
  }, 60_000);
});
