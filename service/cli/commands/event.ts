import { ServiceClient } from '../../../shared/node/service-client.js';
import { message } from '../../../shared/messages/problem.js';
import { say } from '../io.js';
import { type CliContext } from '../context.js';

/** `event --source S --id 0xXXXXXXXX [--message M]`: the pseudo failure test — one event into the running service. */
export async function eventCommand(ctx: CliContext, o: { source: string; id: string; message?: string }): Promise<number> {
  const client = await ServiceClient.connect(ctx.stateDir);
  const r = await client.event({ source: o.source, id: o.id, ...(o.message !== undefined ? { message: o.message } : {}) });
  say(ctx.io, message('ER_6013', { source: o.source, id: o.id }));
  ctx.io.out(JSON.stringify(r));
  return 0;
}
