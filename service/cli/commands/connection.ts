import { ConfigStore } from '../../../shared/node/config-store.js';
import { loadPrivateKey, openSealed } from '../../../shared/node/secrets.js';
import { formatCheck, testConnection } from '../../routes/https/test-connection.js';
import { type CliContext } from '../context.js';

/** `test-connection`: one SUCCESS / FAILURE line per check; exit 1 when any failed. */
export async function testConnectionCommand(ctx: CliContext): Promise<number> {
  const config = (await ConfigStore.open(ctx.configDir)).config;
  const key = await loadPrivateKey(ctx.stateDir);
  let failed = false;
  for await (const c of testConnection(config, (s) => (s === '' ? '' : openSealed(s, key)))) {
    failed ||= !c.ok;
    ctx.io.out(formatCheck(c, ctx.io.lang));
  }
  return failed ? 1 : 0;
}
