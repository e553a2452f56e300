import { ConfigStore } from '../../../shared/node/config-store.js';
import { ensureServiceKey } from '../../../shared/node/secrets.js';
import { message } from '../../../shared/messages/problem.js';
import { say } from '../io.js';
import { type CliContext } from '../context.js';

/** `init`: a complete default config folder, and the service's key pair in the state folder (to seal secrets). */
export async function initCommand(ctx: CliContext, opts: { force?: boolean }): Promise<number> {
  await ConfigStore.init(ctx.configDir, { force: opts.force === true });
  await ensureServiceKey(ctx.stateDir);
  say(ctx.io, message('ER_6002', { path: ctx.configDir }));
  return 0;
}
