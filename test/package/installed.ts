/**
 * The server package as the package tests meet it: built by `npm run dist:server`'s script, installed with dpkg, and its
 * service started exactly as the installed unit's ExecStart says (systemd is not the init in CI's container).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild } from '../helpers/peers/child.js';
import { until } from '../helpers/service-process.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const UNIT_FILE = '/lib/systemd/system/express-report.service';
export const CONFIG = '/etc/express-report';
export const STATE = '/var/lib/express-report';
/** What systemd gives a system service: this PATH, no other variable of ours, umask from UMask=, working folder /. */
const SYSTEMD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs a command without blocking: the test's own center must answer while it runs. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // The installed package looks for its unit where systemd keeps it, not where the other test files are told to.
    const { EXPRESS_REPORT_SYSTEM_UNIT_PATHS: _otherFiles, ...inherited } = process.env;
    const child = spawn(cmd, args, { env: { ...inherited, LANG: 'C', LC_ALL: 'C', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** The installed command (/usr/bin/express-report), in English. */
export function cli(...args: string[]): Promise<Run> {
  return run('/usr/bin/express-report', ['--lang', 'en', ...args]);
}

export function ok(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.out}\n${r.err}`);
  return r;
}

/** Builds dist/…/express-report_<version>_amd64.deb into `outDir` (gzip: the test's time goes to checks, not to xz). */
export async function buildDeb(version: string, outDir: string): Promise<string> {
  ok(
    await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [
      join(ROOT, 'scripts', 'dist-server.ts'),
      '--version',
      version,
      '--out',
      outDir,
      '--compression',
      'gzip',
    ]),
    'dist:server',
  );
  return join(outDir, `express-report_${version}_amd64.deb`);
}

export async function purge(): Promise<void> {
  await run('dpkg', ['--purge', 'express-report']);
}

/** ExecStart= of the installed unit, split into words (it holds no quotes or variables: checked). */
export async function execStart(): Promise<string[]> {
  const line = /^ExecStart=(.+)$/m.exec(await readFile(UNIT_FILE, 'utf8'))?.[1];
  if (!line || /["'$%\\]/.test(line)) throw new Error(`ExecStart= not found or not plain in ${UNIT_FILE}: ${line}`);
  return line.trim().split(/\s+/);
}

export interface UnitProcess {
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

/** Starts the service as the unit would (as root, systemd's environment, UMask=0077) and waits for service.json. */
export async function startAsUnit(): Promise<UnitProcess> {
  const argv = await execStart();
  await rm(join(STATE, 'service.json'), { force: true });
  const child = spawn('/bin/sh', ['-c', 'umask 0077; exec "$@"', 'sh', ...argv], { cwd: '/', env: { PATH: SYSTEMD_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const p: UnitProcess = { child, log: () => log, stop: () => stopChild(child) };
  try {
    await until(
      () => {
        if (child.exitCode !== null) throw new Error(`the installed service exited with status ${child.exitCode}:\n${log}`);
        return access(join(STATE, 'service.json')).then(
          () => true,
          () => false,
        );
      },
      30_000,
      'the installed service to start',
      () => log,
    );
  } catch (e) {
    await p.stop();
    throw e;
  }
  return p;
}

/** The process has ended (a stop by someone else: prerm). */
export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}
