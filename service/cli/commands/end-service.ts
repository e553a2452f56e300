import { createHost } from '../../host-factory.js';
import { message } from '../../../shared/messages/problem.js';
import { printProblems, say } from '../io.js';
import { type CliContext } from '../context.js';

/** `end-service`: サービスの終了 — no more reports of any kind (the same HostApi call as the window's). */
export async function endServiceCommand(ctx: CliContext): Promise<number> {
  const r = await (await createHost(ctx, ctx.env)).endService();
  if (!r.ok) {
    printProblems(ctx.io, r.problems);
    return 1;
  }
  say(ctx.io, message('ER_6022'));
  return 0;
}
