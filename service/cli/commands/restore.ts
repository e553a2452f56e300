/**
 * `express-report restore FILE [--force]` (docs/backup.md): refused while a service runs for the state folder
 * (ER_8105); the archive is checked whole, both folders are put back atomically, then the pending migrations run (an
 * older backup is migrated). A backup made by a newer version is a downgrade, refused (ER_8127) unless `--force`; a
 * newer FORMAT is refused even then (ER_8101): this program cannot read it.
 */
import { resolve } from 'node:path';
import { formatProblem, type Problem } from '../../../shared/messages/problem.js';
import { restore } from '../../../shared/node/backup/restore.js';
import { migrateFolders } from '../../../shared/node/formats/migrations.js';
import { packageVersion } from '../../app-paths.js';
import { type CliContext } from '../context.js';
import { noServiceRunning } from './migrate.js';

export async function restoreCommand(ctx: CliContext, file: string, o: { force?: boolean } = {}): Promise<number> {
  const say = (p: Problem): void => ctx.io.out(formatProblem(p, ctx.io.lang));
  const lock = await noServiceRunning(ctx.stateDir);
  try {
    await restore(ctx, resolve(file), { log: say, version: packageVersion(), force: o.force === true });
  } finally {
    await lock?.release(); // its claim went aside with the old folder: this only forgets it
  }
  const again = await noServiceRunning(ctx.stateDir);
  try {
    await migrateFolders(ctx, { version: packageVersion(), log: say });
  } finally {
    await again?.release();
  }
  return 0;
}
