import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigStore } from '../../../shared/node/config-store.js';
import { defaultFileText } from '../../../shared/config/codec.js';
import { CONFIG_FILES } from '../../../shared/config/files.js';
import { defaultSettings } from '../../../shared/settings/schema.js';
import { readFileIfExists, writeFileAtomic } from '../../../shared/node/atomic-write.js';
import { withConfigLock } from '../../../shared/node/config-lock.js';
import { CONFIG_DIR_MODE, configWriteOptions } from '../../../shared/node/config-modes.js';
import { errnoCode } from '../../../shared/node/coded-error.js';
import { encodeText } from '../../../shared/node/encoding.js';
import { ensureServiceKey, serviceKeyPaths } from '../../../shared/node/secrets.js';
import { message } from '../../../shared/messages/problem.js';
import { FORMAT_FILE, writeFolderStamp, type FolderKind } from '../../../shared/node/formats/format.js';
import { packageVersion } from '../../app-paths.js';
import { say } from '../io.js';
import { type CliContext } from '../context.js';

/** `init`: a complete default config folder, and the service's key pair in the state folder (to seal secrets). */
export async function initCommand(ctx: CliContext, opts: { force?: boolean; onlyMissing?: boolean }): Promise<number> {
  const stateFresh = await isFresh(ctx.stateDir);
  if (opts.onlyMissing === true) {
    const configFresh = await isFresh(ctx.configDir);
    const code = await initMissing(ctx);
    await stampIfFresh(ctx.configDir, 'config', configFresh);
    await stampIfFresh(ctx.stateDir, 'state', stateFresh);
    return code;
  }
  await ConfigStore.init(ctx.configDir, { force: opts.force === true });
  await ensureServiceKey(ctx.stateDir);
  // Every config file was just written in this version's format (the config migration only stamps), so stamping it
  // is right even over an older folder; the state folder only when init made it, as older records may wait there.
  await stampIfFresh(ctx.configDir, 'config', true);
  await stampIfFresh(ctx.stateDir, 'state', stateFresh);
  say(ctx.io, message('ER_6002', { path: ctx.configDir }));
  return 0;
}

/** A folder that does not exist yet, or holds nothing but the service's keys: nothing an older version wrote. */
async function isFresh(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch((e: unknown) => (errnoCode(e) === 'ENOENT' ? [] : Promise.reject(e)));
  return names.every((n) => n === 'keys');
}

/**
 * A folder init made is in the current format: stamped, so the first service start has nothing to migrate (and says
 * nothing about migrating a folder that never held the older format).
 */
async function stampIfFresh(dir: string, kind: FolderKind, fresh: boolean): Promise<void> {
  if (!fresh || (await readdir(dir)).includes(FORMAT_FILE)) return;
  await writeFolderStamp(dir, kind, packageVersion());
}

/**
 * `init --only-missing` (the package's postinst on first install): writes each config file that does not exist and the
 * key pair when it is missing; never overwrites, never asks. Each file is created exclusively, so a file another writer
 * made meanwhile is kept (theirs wins).
 */
async function initMissing(ctx: CliContext): Promise<number> {
  const written: string[] = [];
  await mkdir(ctx.configDir, { recursive: true, mode: CONFIG_DIR_MODE });
  await withConfigLock(ctx.configDir, async () => {
    const settings = defaultSettings();
    for (const f of CONFIG_FILES) {
      const abs = join(ctx.configDir, f.rel);
      if ((await readFileIfExists(abs)) !== undefined) continue;
      await mkdir(dirname(abs), { recursive: true, mode: CONFIG_DIR_MODE });
      const bytes = encodeText({ text: defaultFileText(f, settings), encoding: 'utf-8', bom: false });
      try {
        await writeFileAtomic(abs, bytes, { ...configWriteOptions(f.rel), exclusive: true });
        written.push(abs);
      } catch (e) {
        if (!(e instanceof Error && errnoCode(e.cause) === 'EEXIST')) throw e;
      }
    }
  });
  const key = serviceKeyPaths(ctx.stateDir).privateKey;
  const hadKey = (await readFileIfExists(key)) !== undefined;
  await ensureServiceKey(ctx.stateDir);
  if (!hadKey) written.push(key);
  say(ctx.io, written.length > 0 ? message('ER_8000', { files: written.join(', ') }) : message('ER_8001', { path: `${ctx.configDir}, ${ctx.stateDir}` }));
  return 0;
}
