import { message } from '../../../shared/messages/problem.js';
import { notify } from '../../daemon/notify.js';
import { type NotifyRequest } from '../../../shared/host/service-types.js';
import { printProblems } from '../io.js';
import { type CliContext } from '../context.js';

/** `test-notify` and `activate-notify`: one line with the center's answer, or the coded problems (exit 1). */
export async function notifyCommand(ctx: CliContext, req: NotifyRequest): Promise<number> {
  const r = await notify(ctx, req);
  if (!r.ok) {
    printProblems(ctx.io, r.problems);
    return 1;
  }
  ctx.io.out(message(req.kind === 'test' ? 'ER_6020' : 'ER_6021', { detail: r.detail, state: r.state })[ctx.io.lang]);
  return 0;
}
