import { join } from 'node:path';
import { ConfigStore } from '../../../shared/node/config-store.js';
import { isError, message, type Problem } from '../../../shared/messages/problem.js';
import { CONFIG_FILES } from '../../../shared/config/files.js';
import { settingDefs } from '../../../shared/settings/schema.js';
import { printProblems, say } from '../io.js';
import { type CliContext } from '../context.js';

/** Problems with the file shown as a path the user can open (config folder + relative path). */
export function withFullPaths(dir: string, ps: readonly Problem[]): Problem[] {
  return ps.map((p) => (p.file ? { ...p, file: join(dir, p.file) } : p));
}

/** `validate`: exit 0 and a one-line summary, or exit 1 and `FILE:LINE: CODE message` per problem. */
export async function validateCommand(ctx: CliContext): Promise<number> {
  const store = await ConfigStore.open(ctx.configDir);
  const problems = withFullPaths(ctx.configDir, store.problems);
  const errors = problems.filter(isError);
  printProblems(ctx.io, problems);
  if (errors.length > 0) return 1;
  say(ctx.io, message('ER_6001', { files: CONFIG_FILES.length, settings: settingDefs.length, warnings: problems.length }));
  return 0;
}
