/**
 * `express-report migrate` (docs/backup.md): runs the pending format migrations of both folders, with no service running
 * (the service lock is taken for the run: a running service is ER_8105) and under the config write lock. Idempotent:
 * with nothing pending it says so (ER_8104) and exits 0.
 */
import { stat } from 'node:fs/promises';
import { formatProblem, problem, type Problem } from '../../../shared/messages/problem.js';
import { codedError, isCodedError } from '../../../shared/node/coded-error.js';
import { migrateFolders } from '../../../shared/node/formats/migrations.js';
import { acquireLock, type Lock } from '../../common/lock.js';
import { packageVersion } from '../../app-paths.js';
import { type CliContext } from '../context.js';

/** The state folder's service lock, or ER_8105 naming the running service; undefined when the folder does not exist. */
export async function noServiceRunning(stateDir: string): Promise<Lock | undefined> {
  const there = await stat(stateDir).then(
    () => true,
    () => false,
  );
  if (!there) return undefined;
  try {
    return await acquireLock(stateDir);
  } catch (e) {
    if (isCodedError(e, 'ER_1030')) throw codedError('ER_8105', { path: stateDir, pid: /process (\S+)\)/.exec(e.problem.message.en)?.[1] ?? '?' });
    throw e;
  }
}

/** A folder that does not exist (yet): nothing to migrate in it. */
const NONE = { ja: '(フォルダなし)', en: '(no folder)' };

export async function migrateCommand(ctx: CliContext): Promise<number> {
  const lock = await noServiceRunning(ctx.stateDir);
  try {
    const say = (p: Problem): void => ctx.io.out(formatProblem(p, ctx.io.lang));
    const r = await migrateFolders(ctx, { version: packageVersion(), log: say });
    if (r.ran.length === 0)
      say(
        problem('ER_8104', {
          config: ctx.configDir,
          state: ctx.stateDir,
          configFormat: r.formats.config ?? NONE,
          stateFormat: r.formats.state ?? NONE,
        }),
      );
    return 0;
  } finally {
    await lock?.release();
  }
}
