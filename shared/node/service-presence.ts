/**
 * Which service the window and `serve` use (issue 15): the one that runs for these folders (a system service, another
 * window's child, or one started by hand), else — only when no system service is installed here (a portable run) —
 * a child of their own. A system service that is installed but stopped is never replaced by a child: it is named,
 * with the command that starts it (ER_8200).
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve, win32 } from 'node:path';
import { resolveDirs } from './config-paths.js';
import { type ServiceStatus } from '../host/service-types.js';
import { type SystemServiceState } from '../host/run-mode.js';
import { isCodedError } from './coded-error.js';
import { ServiceClient } from './service-client.js';

/** The systemd unit of the server package (resources/debian/), wherever a distribution or an administrator puts it. */
export const SYSTEM_UNIT_PATHS: readonly string[] = [
  '/lib/systemd/system/express-report.service',
  '/usr/lib/systemd/system/express-report.service',
  '/etc/systemd/system/express-report.service',
];
/** The unit's name, as systemctl takes it. */
export const SYSTEM_UNIT_NAME = 'express-report';
/** The Windows service's id, registered by the installer's wrapper (electron/windows-service.ts, resources/build/installer.nsh). */
export const WINDOWS_SERVICE_ID = 'ExpressReport';
/**
 * For tests only: the unit paths to look at instead of SYSTEM_UNIT_PATHS, separated by the platform's path delimiter
 * (`:`); empty means "none". Lets a test pretend a system service is installed (or is not) on any machine.
 */
export const SYSTEM_UNIT_PATHS_ENV = 'EXPRESS_REPORT_SYSTEM_UNIT_PATHS';
/** For tests only: the system service's state folder, instead of the platform's (/var/lib/express-report, %ProgramData%). */
export const SYSTEM_STATE_DIR_ENV = 'EXPRESS_REPORT_SYSTEM_STATE_DIR';

export type SystemService = SystemServiceState;

export interface PresenceOptions {
  env?: NodeJS.ProcessEnv;
  /** The folder the caller uses: compared with the system service's (otherFolders). */
  stateDir?: string;
  platform?: NodeJS.Platform;
  /** Windows: runs `sc query <id>`; resolves its exit code. Injected by tests. */
  scQuery?: (id: string) => Promise<number>;
}

const scQuery = (id: string): Promise<number> =>
  new Promise((resolve) => {
    execFile('sc', ['query', id], { windowsHide: true }, (e) => {
      const code = e ? (e as NodeJS.ErrnoException & { code?: unknown }).code : 0;
      resolve(typeof code === 'number' ? code : e ? -1 : 0);
    });
  });

/** The unit paths looked at: SYSTEM_UNIT_PATHS, or the test override. */
export function unitPaths(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const o = env[SYSTEM_UNIT_PATHS_ENV];
  return o === undefined ? SYSTEM_UNIT_PATHS : o.split(':').filter((p) => p !== '');
}

/** The system service's state folder: root's default on Linux, %ProgramData%\ExpressReport\state on Windows. */
export function systemStateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const o = env[SYSTEM_STATE_DIR_ENV];
  if (o) return o;
  // As config-paths.ts resolves them for root / on Windows, with Windows' own path rules even when checked elsewhere.
  return platform === 'win32'
    ? win32.join(env.ProgramData ?? 'C:\\ProgramData', 'ExpressReport', 'state')
    : resolveDirs({ platform, uid: 0, env: {} }).stateDir;
}

const samePath = (a: string, b: string, platform: NodeJS.Platform): boolean =>
  platform === 'win32' ? win32.resolve(a).toLowerCase() === win32.resolve(b).toLowerCase() : resolve(a) === resolve(b);

/**
 * Is a system service installed on this machine (whether or not it runs)? With `o.stateDir`, also whether the caller
 * uses other folders than the system service (a user's window on a server: it must not look like the service stopped).
 */
export async function systemService(o: PresenceOptions = {}): Promise<SystemService> {
  const env = o.env ?? process.env;
  const platform = o.platform ?? process.platform;
  const found = await installedAt(env, platform, o.scQuery);
  const stateDir = systemStateDir(env, platform);
  const startCommand =
    platform === 'win32' && env[SYSTEM_UNIT_PATHS_ENV] === undefined ? `sc start ${WINDOWS_SERVICE_ID}` : `systemctl start ${SYSTEM_UNIT_NAME}`;
  if (found === undefined) return { installed: false, startCommand, stateDir };
  const other = o.stateDir !== undefined && !samePath(o.stateDir, stateDir, platform);
  return { installed: true, where: found, startCommand, stateDir, ...(other ? { otherFolders: true } : {}) };
}

/** The unit file found, or the Windows service id when registered; undefined when none. */
async function installedAt(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, sc = scQuery): Promise<string | undefined> {
  if (platform === 'win32' && env[SYSTEM_UNIT_PATHS_ENV] === undefined) {
    // sc exits 0 for a registered service, 1060 (ERROR_SERVICE_DOES_NOT_EXIST) otherwise.
    return (await sc(WINDOWS_SERVICE_ID)) === 0 ? WINDOWS_SERVICE_ID : undefined;
  }
  for (const p of unitPaths(env)) {
    if (
      await access(p).then(
        () => true,
        () => false,
      )
    )
      return p;
  }
  return undefined;
}

/**
 * What runs for a state folder: `running` (its status, when readable, says how it was started: runMode),
 * `system-stopped` (installed here but not running for this folder: start it, or use its folders — otherFolders —
 * never a child instead), or `portable` (nothing installed: a child may be started).
 */
export type Presence = { kind: 'running'; status?: ServiceStatus } | { kind: 'system-stopped'; system: SystemService } | { kind: 'portable' };

export async function servicePresence(stateDir: string, o: PresenceOptions = {}): Promise<Presence> {
  const client = await ServiceClient.connect(stateDir).catch((e: unknown) => {
    if (isCodedError(e, 'ER_1032')) return undefined;
    throw e;
  });
  if (client) {
    // It answered: it runs, whatever its status says (an answer of another shape is still a running service).
    const status = await client.status().catch(() => undefined);
    return { kind: 'running', ...(status ? { status } : {}) };
  }
  const system = await systemService({ ...o, stateDir });
  return system.installed ? { kind: 'system-stopped', system } : { kind: 'portable' };
}
