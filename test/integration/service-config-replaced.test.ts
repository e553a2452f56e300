/**
 * The running service when its config folder is deleted and restored (`rm -rf` then a copy back), or a new folder is
 * moved into its place: it logs the folder missing (ER_1060) and keeps the last good settings, logs the folder back
 * (ER_6014), and a setting changed afterwards applies (ER_6012, visible in status). Before, the watch stayed on the
 * deleted folder and every later change was silently ignored. A real service process on real folders.
 */
import { describe, it, expect } from 'vitest';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { handEditState, until as untilLogged } from '../helpers/service-process.js';
import { serviceWithCenter } from '../helpers/service-with-center.js';

const fx = serviceWithCenter({ prefix: 'er-svc-replaced-', state: 'active' });
const config = () => join(fx.base, 'config');
const log = fx.log;
const until = (check: () => boolean | Promise<boolean>, what: string) => untilLogged(check, 15_000, what, log);
const state = async () => (JSON.parse((await fx.machine.cli(['status', '--json'])).out) as { state: string }).state;
/** A visible change of the config: State= edited by hand (no setting changes the state: config set is refused, ER_3090). */
const set = (value: string) => handEditState(config(), value);

describe('the running service when its config folder is replaced', () => {
  it('rm -rf and a restore: logged missing, then back; a later change applies', async () => {
    await cp(config(), join(fx.base, 'backup'), { recursive: true });
    const mark = log().length;
    await rm(config(), { recursive: true, force: true });
    // Seen gone (the old code read the empty place and logged ER_1005 instead): only then restored.
    await until(() => /ER_1060|ER_1005/.test(log().slice(mark)), 'the removal to be seen');
    expect(await state()).toBe('active'); // the last good settings are kept
    await cp(join(fx.base, 'backup'), config(), { recursive: true });
    await set('ended');
    await until(async () => (await state()) === 'ended', 'the change after the restore to apply');
    const since = log().slice(mark);
    expect(since).toMatch(/INFO ER_6014 The folder .*config was replaced/);
    expect(since).toMatch(/ER_1060 The config folder .*config is missing/);
    expect(since).toMatch(/ER_6012/);
    expect(since).not.toMatch(/ER_1031/); // a missing folder is not a refused change
    await set('active');
    await until(async () => (await state()) === 'active', 'the change back');
  });

  it('a new folder moved into place: read, logged, and watched', async () => {
    await cp(config(), join(fx.base, 'next'), { recursive: true });
    const mark = log().length;
    await rename(config(), join(fx.base, 'previous'));
    await rename(join(fx.base, 'next'), config());
    await until(() => log().slice(mark).includes('ER_6014'), 'ER_6014 for the new folder');
    await set('ended');
    await until(async () => (await state()) === 'ended', 'a change inside the new folder to apply');
  });
});
