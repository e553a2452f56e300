/**
 * `pause` and `resume`: 保守中にする / 保守を終了 from the command line, the same HostApi calls as the window's ツール menu
 * (docs/delivery.md, "Maintenance pause"). Both need the running service (ER_1032 otherwise): it holds the reports
 * and tells the center.
 */
import { createHost } from '../../host-factory.js';
import { formatLocalTime, type PauseRequest } from '../../../shared/host/maintenance.js';
import { message, problem } from '../../../shared/messages/problem.js';
import { printProblems, say } from '../io.js';
import { type CliContext } from '../context.js';

/** `pause [--until TIME | --hours N] [--reason TEXT]`: exit 0 once paused (a notice that could not go is a warning line). */
export async function pauseCommand(ctx: CliContext, o: PauseRequest): Promise<number> {
  const r = await (await createHost(ctx, ctx.env)).pauseService(o);
  if (!r.ok) {
    printProblems(ctx.io, r.problems);
    return 1;
  }
  const until = r.maintenance.until ? formatLocalTime(r.maintenance.until) : '-';
  const untilText = { ja: `${until} まで`, en: `until ${until}` };
  const reason = r.maintenance.reason || '-';
  if (r.notice.sent) say(ctx.io, message('ER_6110', { until: untilText, reason, detail: r.notice.detail }));
  else printProblems(ctx.io, [problem('ER_6111', { until: untilText, reason, problem: r.notice.problem.message })]);
  return 0;
}

/** `resume [--expire-held]`. */
export async function resumeCommand(ctx: CliContext, o: { expireHeld?: boolean }): Promise<number> {
  const r = await (await createHost(ctx, ctx.env)).resumeService(o.expireHeld ? { expireHeld: true } : {});
  if (!r.ok) {
    printProblems(ctx.io, r.problems);
    return 1;
  }
  const by = { ja: '利用者の操作', en: 'by the user' };
  say(ctx.io, o.expireHeld ? message('ER_6113', { by, expired: r.expired }) : message('ER_6112', { by, held: r.held }));
  return 0;
}
