/**
 * The service as a child of the desktop app or of `serve`, in a portable run only (service-presence.ts): the same
 * `express-report service` the command line runs, with `--run-mode child`, stopped with SIGTERM when its parent ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { type RunMode } from '../host/service-types.js';
import { type SystemService, servicePresence, type PresenceOptions } from './service-presence.js';

export interface ChildCommand {
  /** The runtime: Node, or Electron with ELECTRON_RUN_AS_NODE=1 in `env`. */
  execPath: string;
  /** bin/express-report.mjs */
  bin: string;
  dirs: { configDir: string; stateDir: string };
  env: NodeJS.ProcessEnv;
}

/**
 * The V8 options the systemd unit gives the service (resources/debian/express-report.service, docs/install.md): a
 * small young generation and one V8 worker thread keep the idle service's memory down (issue 16). Given before the
 * script, as node's own options; Electron as Node (ELECTRON_RUN_AS_NODE) parses node's command line.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--v8-pool-size=1'];

export function spawnChildService(c: ChildCommand): ChildProcess {
  const child = spawn(
    c.execPath,
    [...SERVICE_NODE_FLAGS, c.bin, '--config-dir', c.dirs.configDir, '--state-dir', c.dirs.stateDir, 'service', '--run-mode', 'child'],
    {
      env: c.env,
      stdio: 'ignore', // its log is <state>/logs (the service log), where every line goes anyway
    },
  );
  child.on('error', () => undefined); // reported through 'exit' / the state bar (停止中), never a crash of the parent
  return child;
}

/** What the window (or serve) uses: the running service, a system service to start, or its own child. */
export type ServiceUse =
  | { kind: 'running'; runMode?: RunMode; pid?: number }
  | { kind: 'system-stopped'; system: SystemService }
  | { kind: 'child'; child: ChildProcess }
  | { kind: 'none' };

/**
 * Uses the service that runs for the state folder; starts a child only when none runs and no system service is
 * installed (a portable run) and `start` is given; a system service that is installed but stopped is left to its
 * administrator (the caller says ER_8200 with its start command).
 */
export async function useOrStartService(stateDir: string, start: (() => ChildProcess) | undefined, o: PresenceOptions = {}): Promise<ServiceUse> {
  const p = await servicePresence(stateDir, o);
  if (p.kind === 'running') return { kind: 'running', ...(p.status?.runMode ? { runMode: p.status.runMode } : {}), ...(p.status ? { pid: p.status.pid } : {}) };
  if (p.kind === 'system-stopped') return p;
  return start ? { kind: 'child', child: start() } : { kind: 'none' };
}

/** SIGTERM (the service stops cleanly: the spool is durable), then SIGKILL after `graceMs` if it still runs. */
export async function stopChildService(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
