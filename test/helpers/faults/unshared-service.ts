/**
 * `express-report service` in a mount namespace of its own (`unshare -m`, root), with files bind-mounted over system
 * ones only it sees: /etc/resolv.conf saying `nameserver 127.0.0.1` (nothing listens there: every DNS query fails at
 * once, and none leaves loopback) and an /etc/hosts the test edits in place. Ready once `<state>/service.json` exists.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { serviceReady, type Machine, type ServiceProcess } from '../service-process.js';

/** Why a mount namespace with a bind mount cannot be made here, or undefined when it can. */
export function cannotUnshare(): string | undefined {
  const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind /etc/hostname /etc/hostname'], { encoding: 'utf8' });
  if (r.error) return r.error.message;
  return r.status === 0 ? undefined : r.stderr.trim() || `exit ${r.status}`;
}

/** `binds`: [file, over] pairs, e.g. [myResolvConf, '/etc/resolv.conf']. */
export async function startUnsharedService(
  m: Pick<Machine, 'argv' | 'stateDir'>,
  binds: Array<[string, string]>,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ServiceProcess> {
  await rm(join(m.stateDir, 'service.json'), { force: true });
  const mounts = binds.map((_, i) => `mount --bind "$${2 * i + 1}" "$${2 * i + 2}"`).join(' && ');
  const script = `${mounts} && shift ${2 * binds.length} && exec "$@"`;
  const child = spawn(
    'unshare',
    ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh', ...binds.flat(), process.execPath, ...m.argv, 'service', ...args],
    {
      env: { ...process.env, LANG: 'C', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return serviceReady(child, m.stateDir);
}
