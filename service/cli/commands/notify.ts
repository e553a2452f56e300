import { message } from '../../../shared/messages/problem.js';
import { type NotifyRequest } from '../../../shared/host/service-types.js';
import { printProblems } from '../io.js';
import { commandHost } from '../host.js';
import { type CliContext } from '../context.js';

/**
 * `test-notify` and `activate-notify`: the window's テスト通報 / 開局通報 (NodeHost: the result address checked before
 * anything is sent, the outcome in the event log), sent in-process (service/host-factory.ts). One line with the
 * center's answer, or the coded problems (exit 1).
 */
export async function notifyCommand(ctx: CliContext, req: Omit<NotifyRequest, 'override'>): Promise<number> {
  const host = await commandHost(ctx);
  const { kind, target, resultMail, ignoreDefinitionErrors } = req;
  const r =
    kind === 'test'
      ? await host.testNotify({ target, ...(resultMail !== undefined ? { resultMail } : {}) })
      : await host.activateNotify({ target, ...(ignoreDefinitionErrors !== undefined ? { ignoreDefinitionErrors } : {}) });
  if (!r.ok) {
    printProblems(ctx.io, r.problems);
    return 1;
  }
  const state = r.snapshot.settings['activation.state'];
  ctx.io.out(message(kind === 'test' ? 'ER_6020' : 'ER_6021', { detail: r.detail, state })[ctx.io.lang]);
  return 0;
}
