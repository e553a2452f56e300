import { ServiceClient } from '../../daemon/client.js';
import { type CliContext } from '../context.js';

/** `status [--json]`: state, queue depth, last delivery and last failure with its reason, next retry. */
export async function statusCommand(ctx: CliContext, o: { json?: boolean }): Promise<number> {
  const s = await (await ServiceClient.connect(ctx.stateDir)).status();
  if (o.json) {
    ctx.io.out(JSON.stringify(s, null, 2));
    return 0;
  }
  const ja = ctx.io.lang === 'ja';
  ctx.io.out(`${ja ? '状態' : 'state'}: ${s.state}`);
  ctx.io.out(`${ja ? '送信待ち' : 'pending'}: ${s.pending}  ${ja ? '期限切れ' : 'expired'}: ${s.expired}`);
  if (s.lastDelivery) ctx.io.out(`${ja ? '最終送信' : 'last delivery'}: ${s.lastDelivery.at} ${s.lastDelivery.reportId} ${s.lastDelivery.detail}`);
  if (s.lastFailure) ctx.io.out(`${ja ? '最終失敗' : 'last failure'}: ${s.lastFailure.at} ${s.lastFailure.reportId} ${s.lastFailure.problem.code} ${s.lastFailure.problem.message[ctx.io.lang]}`);
  if (s.nextRetry) ctx.io.out(`${ja ? '次の再送' : 'next retry'}: ${s.nextRetry}`);
  return 0;
}
