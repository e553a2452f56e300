import { ServiceClient } from '../../../shared/node/service-client.js';
import { ConfigStore } from '../../../shared/node/config-store.js';
import { configText, lastResult, machineText, routeText, userSystemCodeText } from '../../../shared/host/state-summary.js';
import { type CliContext } from '../context.js';
import { printProblems } from '../io.js';
import { RUN_MODE_LABEL, systemServiceProblem } from '../../../shared/host/run-mode.js';
import { systemService } from '../../../shared/node/service-presence.js';
import { formatLocalTime } from '../../../shared/host/maintenance.js';

/**
 * `status [--json]`: the registration (machine, user system code, route; read from the config folder, so they show
 * even when the service does not run), then the service: state, queue depth, last delivery and last failure with its
 * reason, next retry, and how it was started (run mode, pid). When no service runs the service part is ER_1032 (exit 1),
 * after the registration lines, with ER_8200 before it when a system service is installed here but stopped (ER_8205
 * when it uses other folders).
 */
export async function statusCommand(ctx: CliContext, o: { json?: boolean }): Promise<number> {
  const settings = await ConfigStore.open(ctx.configDir).then(
    (c) => c.config.settings,
    () => undefined,
  );
  const lang = ctx.io.lang;
  const ja = lang === 'ja';
  if (settings && !o.json) {
    ctx.io.out(`${ja ? '装置' : 'machine'}: ${machineText(settings)[lang]}`);
    ctx.io.out(`${ja ? 'ユーザシステムコード' : 'user system code'}: ${userSystemCodeText(settings)[lang]}`);
    ctx.io.out(`${ja ? '通報手段' : 'route'}: ${routeText(settings)[lang]}`);
  }
  const client = await ServiceClient.connect(ctx.stateDir).catch(async (e: unknown) => {
    // Not running: when a system service is installed here, say how to start it (ER_8200) before ER_1032.
    const system = await systemService({ env: ctx.env, stateDir: ctx.stateDir });
    if (system.installed) printProblems(ctx.io, [systemServiceProblem(system)]);
    throw e;
  });
  const s = await client.status();
  if (o.json) {
    // The code as stored ('' when there is none), beside what the service says.
    ctx.io.out(JSON.stringify({ ...s, ...(settings ? { userSystemCode: settings['activation.userSystemCode'] } : {}) }, null, 2));
    return 0;
  }
  ctx.io.out(`${ja ? '状態' : 'state'}: ${s.state}`);
  // How the service was started (`service --run-mode`); a service older than issue 15 does not say.
  if (s.runMode) ctx.io.out(`${ja ? '実行形態' : 'run mode'}: ${RUN_MODE_LABEL[s.runMode][lang]} (pid ${s.pid})`);
  // The settings in use, and a refused last change (service/config/coordinator.ts); its errors are in the service log.
  const settingsInUse = configText(s);
  if (settingsInUse) ctx.io.out(`${ja ? '設定' : 'settings'}: ${settingsInUse.text[lang]}`);
  // 保守中 is an overlay on the state: why nothing is sent, and until when (docs/delivery.md, "Maintenance pause").
  const m = s.maintenance;
  if (m) {
    const until = m.until
      ? ja
        ? `${formatLocalTime(m.until)} まで`
        : `until ${formatLocalTime(m.until)}`
      : ja
        ? '終了予定なし(resume で終了)'
        : 'no end time (resume ends it)';
    const reason = m.reason ? (ja ? `、理由: ${m.reason}` : `, reason: ${m.reason}`) : '';
    ctx.io.out(`${ja ? '保守中' : 'paused for maintenance'}: ${until}${reason}${ja ? '(通報は保留中)' : ' (reports are held)'}`);
  }
  ctx.io.out(`${ja ? '送信待ち' : 'pending'}: ${s.pending}  ${ja ? '期限切れ' : 'expired'}: ${s.expired}`);
  const last = lastResult(s);
  if (last) ctx.io.out(`${ja ? '最終結果' : 'last result'}: ${last.text[lang]} ${last.at}`);
  if (s.lastDelivery) ctx.io.out(`${ja ? '最終送信' : 'last delivery'}: ${s.lastDelivery.at} ${s.lastDelivery.reportId} ${s.lastDelivery.detail}`);
  if (s.lastFailure)
    ctx.io.out(
      `${ja ? '最終失敗' : 'last failure'}: ${s.lastFailure.at} ${s.lastFailure.reportId} ${s.lastFailure.problem.code} ${s.lastFailure.problem.message[ctx.io.lang]}`,
    );
  if (s.notSent)
    ctx.io.out(`${ja ? '未送信(通報手段なし)' : 'not sent (no route enabled)'}: ${s.notSent.noRoute}  ${s.notSent.last.at} ${s.notSent.last.what}`);
  if (s.nextRetry) ctx.io.out(`${ja ? '次の再送' : 'next retry'}: ${s.nextRetry}`);
  // The manager relay (docs/relay.md): each receive port, then the agents and what waits to be forwarded.
  for (const l of s.relay?.listeners ?? []) {
    const name = l.kind === 'express' ? (ja ? '中継(エクスプレス)' : 'relay (express)') : ja ? '中継(HTTPS)' : 'relay (https)';
    const state = { open: ja ? '受信中' : 'open', closed: ja ? '停止' : 'closed', failed: ja ? '開けません' : 'failed' }[l.state];
    ctx.io.out(`${name}: ${ja ? 'ポート' : 'port'} ${l.port} ${state}${l.problem ? `  ${l.problem.code} ${l.problem.message[ctx.io.lang]}` : ''}`);
  }
  if (s.relay && (s.relay.agents > 0 || s.relay.listeners.some((l) => l.state !== 'closed')))
    ctx.io.out(
      ja
        ? `エージェント: ${s.relay.agents}  転送待ち: ${s.relay.waiting}  要確認: ${s.relay.flagged}`
        : `agents: ${s.relay.agents}  waiting to forward: ${s.relay.waiting}  flagged: ${s.relay.flagged}`,
    );
  return 0;
}
