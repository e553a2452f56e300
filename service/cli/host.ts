/**
 * The host for a command that does what the window does (config set, test-notify, activate-notify): the same
 * operations (shared/node/host), so the command line checks, seals and logs nothing of its own.
 */
import { ConfigStore } from '../../shared/node/config-store.js';
import { type NodeHost } from '../../shared/node/host/host.js';
import { createHost } from '../host-factory.js';
import { type CliContext } from './context.js';

export async function commandHost(ctx: CliContext): Promise<NodeHost> {
  // The window's first start creates a missing config folder with the defaults; a command says ER_1005 (`init` makes one).
  await ConfigStore.open(ctx.configDir);
  return createHost(ctx, ctx.env);
}
