/**
 * Where the config and state folders are (docs/design.md section 4). Always overridable: --config-dir / --state-dir, or
 * EXPRESS_REPORT_CONFIG_DIR / EXPRESS_REPORT_STATE_DIR. Without either:
 *   Linux, as root (a system service): /etc/express-report and /var/lib/express-report
 *   Linux, as a user (the desktop run): $XDG_CONFIG_HOME/express-report and $XDG_STATE_HOME/express-report
 *   Windows: %ProgramData%\ExpressReport\config and ...\state
 *   macOS: ~/Library/Application Support/ExpressReport/config and .../state
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ConfigDirs {
  configDir: string;
  stateDir: string;
}

export interface DirInputs {
  configDir?: string | undefined;
  stateDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  uid?: number;
  home?: string;
}

function platformDefaults(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, uid: number, home: string): ConfigDirs {
  if (platform === 'win32') {
    const base = join(env.ProgramData ?? 'C:\\ProgramData', 'ExpressReport');
    return { configDir: join(base, 'config'), stateDir: join(base, 'state') };
  }
  if (platform === 'darwin') {
    const base = join(home, 'Library', 'Application Support', 'ExpressReport');
    return { configDir: join(base, 'config'), stateDir: join(base, 'state') };
  }
  if (uid === 0) return { configDir: '/etc/express-report', stateDir: '/var/lib/express-report' };
  return {
    configDir: join(env.XDG_CONFIG_HOME || join(home, '.config'), 'express-report'),
    stateDir: join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'express-report'),
  };
}

export function resolveDirs(input: DirInputs = {}): ConfigDirs {
  const env = input.env ?? process.env;
  const d = platformDefaults(input.platform ?? process.platform, env, input.uid ?? process.getuid?.() ?? -1, input.home ?? homedir());
  return {
    configDir: resolve(input.configDir || env.EXPRESS_REPORT_CONFIG_DIR || d.configDir),
    stateDir: resolve(input.stateDir || env.EXPRESS_REPORT_STATE_DIR || d.stateDir),
  };
}

/** The definition files keep the original's folder name. */
export const WEBREPRT = 'WebReprt';
