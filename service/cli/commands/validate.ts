import { join } from 'node:path';
import { ConfigStore } from '../../../shared/node/config-store.js';
import { isError, message, problem, type Problem } from '../../../shared/messages/problem.js';
import { hasRecordedTest } from '../../../shared/node/tested-record.js';
import { CONFIG_FILES } from '../../../shared/config/files.js';
import { settingDef, settingDefs } from '../../../shared/settings/schema.js';
import { printProblems, say } from '../io.js';
import { type CliContext } from '../context.js';

/** Problems with the file shown as a path the user can open (config folder + relative path). */
export function withFullPaths(dir: string, ps: readonly Problem[]): Problem[] {
  return ps.map((p) => (p.file ? { ...p, file: join(dir, p.file) } : p));
}

/**
 * A state no operation of this state folder reached (docs/activation.md, "A hand edit of State="): tested or active
 * without a recorded successful test. The service trusts activation.ini as written; this says it, as a warning.
 */
async function handEditedState(ctx: CliContext, store: ConfigStore): Promise<Problem[]> {
  const state = store.config.settings['activation.state'];
  if (state !== 'tested' && state !== 'active') return [];
  if (await hasRecordedTest(ctx.stateDir)) return [];
  const def = settingDef('activation.state');
  const label = (def?.kind === 'enum' ? def.choiceLabels?.[state] : undefined) ?? state;
  return [problem('ER_6116', { state: label }, { file: join(ctx.configDir, 'activation.ini'), field: 'activation.state' })];
}

/** `validate`: exit 0 and a one-line summary, or exit 1 and `FILE:LINE: CODE message` per problem. */
export async function validateCommand(ctx: CliContext): Promise<number> {
  const store = await ConfigStore.open(ctx.configDir);
  const problems = [...withFullPaths(ctx.configDir, store.problems), ...(await handEditedState(ctx, store))];
  const errors = problems.filter(isError);
  printProblems(ctx.io, problems);
  if (errors.length > 0) return 1;
  say(ctx.io, message('ER_6001', { files: CONFIG_FILES.length, settings: settingDefs.length, warnings: problems.length }));
  return 0;
}
