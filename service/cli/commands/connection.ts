import { ConfigStore } from '../../../shared/node/config-store.js';
import { loadPrivateKey, openSealed } from '../../../shared/node/secrets.js';
import { formatCheck, testConnection } from '../../routes/https/test-connection.js';
import { formatManagerCheck, relayPortOf, testManagerConnection } from '../../routes/manager/test-connection.js';
import { type CliContext } from '../context.js';

/**
 * `test-connection`: one SUCCESS / FAILURE line per check; exit 1 when any failed. Through a manager (express.route =
 * manager, or HTTPS with https.via = manager) the checks are the manager's: name, TCP, probe frame.
 */
export async function testConnectionCommand(ctx: CliContext): Promise<number> {
  const config = (await ConfigStore.open(ctx.configDir)).config;
  let failed = false;
  if (relayPortOf(config)) {
    for await (const c of testManagerConnection(config)) {
      failed ||= !c.ok;
      ctx.io.out(formatManagerCheck(c, ctx.io.lang));
    }
    return failed ? 1 : 0;
  }
  const key = await loadPrivateKey(ctx.stateDir);
  for await (const c of testConnection(config, (s) => (s === '' ? '' : openSealed(s, key)))) {
    failed ||= !c.ok;
    ctx.io.out(formatCheck(c, ctx.io.lang));
  }
  return failed ? 1 : 0;
}
