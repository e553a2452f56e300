/**
 * Is a system service installed here (issue 15)? The unit paths are the one exported list the server package's tests
 * agree with; a test points the look at its own temp paths (EXPRESS_REPORT_SYSTEM_UNIT_PATHS); on Windows the
 * service id is asked of `sc query` (injected here: this machine has no sc).
 */
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SYSTEM_STATE_DIR_ENV,
  SYSTEM_UNIT_PATHS,
  SYSTEM_UNIT_PATHS_ENV,
  WINDOWS_SERVICE_ID,
  servicePresence,
  systemService,
  systemStateDir,
  unitPaths,
} from '../../../../shared/node/service-presence.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();

describe('the system service unit paths', () => {
  it('are the package paths (Debian /lib, /usr/lib, an administrator’s /etc)', () => {
    expect(SYSTEM_UNIT_PATHS).toEqual([
      '/lib/systemd/system/express-report.service',
      '/usr/lib/systemd/system/express-report.service',
      '/etc/systemd/system/express-report.service',
    ]);
    expect(unitPaths({})).toBe(SYSTEM_UNIT_PATHS);
  });

  it('the test override replaces them (colon-separated; empty = none)', () => {
    expect(unitPaths({ [SYSTEM_UNIT_PATHS_ENV]: '/a/x.service::/b/y.service' })).toEqual(['/a/x.service', '/b/y.service']);
    expect(unitPaths({ [SYSTEM_UNIT_PATHS_ENV]: '' })).toEqual([]);
  });
});

describe('systemService', () => {
  it('finds an installed unit among the paths, in order, and names the systemctl command', async () => {
    const d = await tmp();
    const etc = join(d, 'etc', 'express-report.service');
    await mkdir(join(d, 'etc'));
    await writeFile(etc, '[Unit]\n');
    const env = { [SYSTEM_UNIT_PATHS_ENV]: `${join(d, 'lib', 'express-report.service')}:${etc}` };
    expect(await systemService({ env, platform: 'linux' })).toEqual({
      installed: true,
      where: etc,
      startCommand: 'systemctl start express-report',
      stateDir: '/var/lib/express-report',
    });
  });

  it('none of the paths exists: not installed', async () => {
    const d = await tmp();
    const env = { [SYSTEM_UNIT_PATHS_ENV]: join(d, 'express-report.service') };
    expect(await systemService({ env, platform: 'linux' })).toEqual({
      installed: false,
      startCommand: 'systemctl start express-report',
      stateDir: '/var/lib/express-report',
    });
  });

  it('Windows: sc query of the installer’s service id; exit 0 installed, 1060 not', async () => {
    const asked: string[] = [];
    const sc = (code: number) => async (id: string) => {
      asked.push(id);
      return code;
    };
    const env = { ProgramData: 'D:\\PD' };
    expect(await systemService({ env, platform: 'win32', scQuery: sc(0) })).toEqual({
      installed: true,
      where: 'ExpressReport',
      startCommand: 'sc start ExpressReport',
      stateDir: 'D:\\PD\\ExpressReport\\state',
    });
    expect(await systemService({ env, platform: 'win32', scQuery: sc(1060) })).toEqual({
      installed: false,
      startCommand: 'sc start ExpressReport',
      stateDir: 'D:\\PD\\ExpressReport\\state',
    });
    expect(asked).toEqual([WINDOWS_SERVICE_ID, WINDOWS_SERVICE_ID]);
  });
});

describe('the system service’s folders against the asker’s', () => {
  it('the same folder: installed (ER_8200 territory); another one: otherFolders (a user’s window on a server)', async () => {
    const d = await tmp();
    const unit = join(d, 'express-report.service');
    await writeFile(unit, '[Unit]\n');
    const env = { [SYSTEM_UNIT_PATHS_ENV]: unit, [SYSTEM_STATE_DIR_ENV]: join(d, 'state') };
    expect((await systemService({ env, platform: 'linux', stateDir: join(d, 'state', '.') })).otherFolders).toBeUndefined();
    expect((await systemService({ env, platform: 'linux', stateDir: join(d, 'other') })).otherFolders).toBe(true);
  });

  it('the platform’s own folder: root’s on Linux, %ProgramData% on Windows (compared without case)', async () => {
    expect(systemStateDir({}, 'linux')).toBe('/var/lib/express-report');
    expect(systemStateDir({ ProgramData: 'C:\\ProgramData' }, 'win32')).toBe('C:\\ProgramData\\ExpressReport\\state');
    const sc = async () => 0;
    const env = { ProgramData: 'C:\\ProgramData' };
    expect((await systemService({ env, platform: 'win32', scQuery: sc, stateDir: 'c:\\programdata\\expressreport\\STATE' })).otherFolders).toBeUndefined();
    expect((await systemService({ env, platform: 'win32', scQuery: sc, stateDir: 'C:\\Users\\u\\state' })).otherFolders).toBe(true);
  });
});

describe('servicePresence', () => {
  it('nothing runs, nothing installed: a portable run', async () => {
    const d = await tmp();
    expect(await servicePresence(join(d, 'state'), { env: { [SYSTEM_UNIT_PATHS_ENV]: join(d, 'none.service') } })).toEqual({ kind: 'portable' });
  });

  it('nothing runs, a unit installed: system-stopped (no child may replace it)', async () => {
    const d = await tmp();
    const unit = join(d, 'express-report.service');
    await writeFile(unit, '[Unit]\n');
    expect(await servicePresence(join(d, 'state'), { env: { [SYSTEM_UNIT_PATHS_ENV]: unit, [SYSTEM_STATE_DIR_ENV]: join(d, 'state') } })).toEqual({
      kind: 'system-stopped',
      system: { installed: true, where: unit, startCommand: 'systemctl start express-report', stateDir: join(d, 'state') },
    });
  });

  it('a stale service.json (nobody answers) is "nothing runs"', async () => {
    const d = await tmp();
    await mkdir(join(d, 'state'));
    await writeFile(join(d, 'state', 'service.json'), JSON.stringify({ port: 9, token: 'x', pid: 1 }));
    expect(await servicePresence(join(d, 'state'), { env: { [SYSTEM_UNIT_PATHS_ENV]: '' } })).toEqual({ kind: 'portable' });
  });
});
