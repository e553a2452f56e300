/**
 * `init --only-missing` (the package's postinst on first install): writes what is missing, the key pair included, with
 * init's modes; never overwrites a file, never refuses because the folder holds settings (as plain `init` does).
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../../../helpers/cli.js';

describe('init --only-missing', () => {
  let base = '';
  let dirs: string[] = [];
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'er-init-missing-'));
    dirs = ['--config-dir', join(base, 'config'), '--state-dir', join(base, 'state')];
  });
  afterEach(() => rm(base, { recursive: true, force: true }));
  const mode = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;

  it('on nothing writes what init writes, with its modes, and the key pair', async () => {
    const r = await cli([...dirs, 'init', '--only-missing']);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out.join('\n')).toMatch(/Only the missing files were written: .*activation\.ini.*service-key\.pem/);
    expect(await mode(join(base, 'config'))).toBe(0o700);
    expect(await mode(join(base, 'config', 'routes.ini'))).toBe(0o600);
    expect(await mode(join(base, 'config', 'schedule.ini'))).toBe(0o644);
    expect(await mode(join(base, 'state', 'keys', 'service-key.pem'))).toBe(0o600);
    expect((await cli([...dirs, 'validate'])).code).toBe(0);
  });

  it('keeps every existing file byte for byte and adds only the missing one', async () => {
    expect((await cli([...dirs, 'init'])).code).toBe(0);
    const schedule = join(base, 'config', 'schedule.ini');
    const edited = `${await readFile(schedule, 'utf8')}; edited by hand\r\n`;
    await writeFile(schedule, edited);
    const key = await readFile(join(base, 'state', 'keys', 'service-key.pem'));
    await rm(join(base, 'config', 'WebReprt', 'AMHTPLOG.INF'));

    const r = await cli([...dirs, 'init', '--only-missing']);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out.join('\n')).toBe(`Only the missing files were written: ${join(base, 'config', 'WebReprt', 'AMHTPLOG.INF')} (nothing existing was changed)`);
    expect(await readFile(schedule, 'utf8')).toBe(edited);
    expect(await readFile(join(base, 'state', 'keys', 'service-key.pem'))).toEqual(key);

    const again = await cli([...dirs, 'init', '--only-missing']);
    expect(again.out.join('\n')).toMatch(/^Nothing was missing in /);
    // Plain init still refuses a folder that holds settings.
    expect((await cli([...dirs, 'init'])).err.join('\n')).toMatch(/ER_1008/);
  });

  it('stamps the folders it made with the current format, and never an older state folder', async () => {
    expect((await cli([...dirs, 'init'])).code).toBe(0);
    const stamp = async (dir: string): Promise<unknown> => JSON.parse(await readFile(join(base, dir, 'format.json'), 'utf8'));
    expect(await stamp('config')).toMatchObject({ format: 2 });
    expect(await stamp('state')).toMatchObject({ format: 2 });
    // Nothing to migrate at the first start, so nothing said about migrating.
    expect((await cli([...dirs, 'migrate'])).out.join('\n')).toMatch(/Nothing to migrate/);

    // A state folder an older version wrote (records waiting, no stamp) keeps its format for migrate to bring up.
    const older = ['--config-dir', join(base, 'config2'), '--state-dir', join(base, 'state')];
    await rm(join(base, 'state', 'format.json'));
    await writeFile(join(base, 'state', 'heartbeat.json'), '{}\n');
    expect((await cli([...older, 'init', '--only-missing'])).code).toBe(0);
    await expect(readFile(join(base, 'state', 'format.json'))).rejects.toThrow(/ENOENT/);
    expect(await stamp('config2')).toMatchObject({ format: 2 });
  });
});
