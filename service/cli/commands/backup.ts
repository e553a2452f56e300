/**
 * `express-report backup [--out FILE] [--reason TEXT]` (docs/backup.md): config + state as one archive; works while the
 * service runs. Prints what it did, and the archive's path as the last line of stdout.
 */
import { formatProblem, type Problem } from '../../../shared/messages/problem.js';
import { backup } from '../../../shared/node/backup/backup.js';
import { packageVersion } from '../../app-paths.js';
import { type CliContext } from '../context.js';

export interface BackupOpts {
  out?: string;
  reason?: string;
}

export async function backupCommand(ctx: CliContext, o: BackupOpts): Promise<number> {
  const say = (p: Problem): void => ctx.io.out(formatProblem(p, ctx.io.lang));
  const r = await backup(ctx, {
    version: packageVersion(),
    log: say,
    ...(o.out !== undefined ? { out: o.out } : {}),
    ...(o.reason !== undefined ? { reason: o.reason } : {}),
  });
  ctx.io.out(r.path);
  return 0;
}
