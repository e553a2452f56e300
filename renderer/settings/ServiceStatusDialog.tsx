/**
 * 通報サービスの状態: what the running service says (state, reports waiting and expired, the last delivery, the last
 * failure with its coded message, the next retry; on a manager, the relay's receive ports and agents), refreshed on
 * request; how it was started (run mode); "not running" when it is not, with the command that starts an installed
 * system service (ER_8200).
 */
import { useEffect, type ReactNode } from 'react';
import { type HostApi, type ServiceStatus, type SystemServiceState } from '../../shared/host/api.js';
import { RUN_MODE_LABEL, systemServiceProblem } from '../../shared/host/run-mode.js';
import { settingDef } from '../../shared/settings/schema.js';
import { isFinal, KIND_LABEL, PHASE_LABEL } from '../../shared/host/report-progress.js';
import { problemText } from '../i18n.js';
import { useApp } from '../store-context.js';
import { Note, useT } from './parts.js';
import { configText, userSystemCodeText } from '../../shared/host/state-summary.js';
import { RelayStatusView } from './RelayStatusView.js';
import { AskFailed, Asking, QueryDialog, localTime as when, useServiceQuery } from './service-query.js';

type Answered = { kind: 'running'; status: ServiceStatus } | { kind: 'stopped'; system?: SystemServiceState };

async function askStatus(host: HostApi): Promise<Answered> {
  const status = await host.serviceStatus();
  if (status) return { kind: 'running', status };
  // Installed but stopped: say how to start it (ER_8200); a failed look says only 'not running'.
  const system = await host.systemService().catch(() => undefined);
  return system?.installed ? { kind: 'stopped', system } : { kind: 'stopped' };
}

export function ServiceStatusDialog(): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const { loaded, setLoaded, load } = useServiceQuery(askStatus);
  const settings = useApp((st) => st.snapshot?.settings);

  // While a report is on its way (logs being collected, waiting, sending), follow it without a click.
  const moving = loaded.kind === 'running' && (loaded.status.reports ?? []).some((r) => !isFinal(r.phase));
  useEffect(() => {
    if (!moving) return undefined;
    const timer = setTimeout(() => {
      void host.serviceStatus().then(
        (status) => {
          if (status) setLoaded({ kind: 'running', status });
        },
        () => undefined,
      );
    }, 2000);
    return () => clearTimeout(timer);
  }, [moving, host, loaded]);

  const def = settingDef('activation.state');
  const stateLabel = (s: string) => (def?.kind === 'enum' ? def.choiceLabels?.[s]?.[lang] : undefined) ?? s;
  const none = t('(なし)', '(none)');
  const s = loaded.kind === 'running' ? loaded.status : undefined;

  return (
    <QueryDialog id="service-status" title={t('通報サービスの状態', 'Reporting service status')} loaded={loaded} load={load}>
      {/* The registration, from the settings: shown whether or not the service runs (the manager-side tests need it). */}
      <dl className="facts" data-testid="status-registration">
        <dt>{t('ユーザシステムコード', 'User system code')}</dt>
        <dd data-testid="status-user-system-code">{settings ? userSystemCodeText(settings)[lang] : ''}</dd>
      </dl>
      <Asking loaded={loaded} />
      {loaded.kind === 'stopped' ? (
        <p role="status" className="warning" data-testid="service-stopped">
          {t(
            '通報サービスは起動していません。テスト通報・開局通報以外の通報は、通報サービスの起動後に送信されます。',
            'The reporting service is not running. Reports other than test and activation notifications are sent once it runs.',
          )}
        </p>
      ) : null}
      {loaded.kind === 'stopped' && loaded.system ? (
        <p role="alert" className="warning" data-testid="system-service-stopped">
          {problemText(systemServiceProblem(loaded.system), lang)}
        </p>
      ) : null}
      <AskFailed loaded={loaded} />
      {s ? (
        <dl className="facts" data-testid="service-status">
          <dt>{t('状態', 'State')}</dt>
          <dd data-testid="status-state">{stateLabel(s.state)}</dd>
          <dt>{t('送信待ち', 'Waiting')}</dt>
          <dd data-testid="status-pending">{t(`${s.pending} 件`, String(s.pending))}</dd>
          <dt>{t('期限切れ', 'Expired')}</dt>
          <dd data-testid="status-expired">{t(`${s.expired} 件`, String(s.expired))}</dd>
          <dt>{t('最終送信', 'Last delivery')}</dt>
          <dd data-testid="status-last-delivery" title={s.lastDelivery?.at}>
            {s.lastDelivery ? `${when(s.lastDelivery.at, lang)} ${s.lastDelivery.reportId} ${s.lastDelivery.detail}` : none}
          </dd>
          <dt>{t('最終失敗', 'Last failure')}</dt>
          <dd data-testid="status-last-failure" title={s.lastFailure?.at}>
            {s.lastFailure ? `${when(s.lastFailure.at, lang)} ${s.lastFailure.reportId} ${problemText(s.lastFailure.problem, lang)}` : none}
          </dd>
          <dt>{t('次の再送', 'Next retry')}</dt>
          <dd data-testid="status-next-retry" title={s.nextRetry}>
            {s.nextRetry ? when(s.nextRetry, lang) : none}
          </dd>
          {s.notSent ? (
            <>
              <dt>{t('未送信(通報手段なし)', 'Not sent (no route enabled)')}</dt>
              <dd data-testid="status-not-sent" title={s.notSent.last.at}>
                {t(
                  `${s.notSent.noRoute} 件(最後: ${when(s.notSent.last.at, lang)} ${s.notSent.last.what})。再送されません。`,
                  `${s.notSent.noRoute} (last: ${when(s.notSent.last.at, lang)} ${s.notSent.last.what}); not retried.`,
                )}
              </dd>
            </>
          ) : null}
          {s.config && configText(s) ? (
            <>
              <dt>{t('設定', 'Settings')}</dt>
              <dd data-testid="status-config" className={configText(s)?.error ? 'warning' : undefined} title={s.config.lastReload?.at}>
                {configText(s)?.text[lang]}
              </dd>
            </>
          ) : null}
          <dt>{t('プロセス', 'Process')}</dt>
          <dd>{t(`${s.pid}(${when(s.startedAt, lang)} 起動)`, `${s.pid} (started ${when(s.startedAt, lang)})`)}</dd>
          {s.runMode ? (
            <>
              <dt>{t('実行形態', 'Run mode')}</dt>
              <dd data-testid="status-run-mode">{RUN_MODE_LABEL[s.runMode][lang]}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {s?.relay ? <RelayStatusView relay={s.relay} /> : null}
      {s?.reports && s.reports.length > 0 ? (
        <table className="report-list" data-testid="status-reports">
          <caption>{t('通報の一覧(新しい順)', 'Reports (newest first)')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('種類', 'Kind')}</th>
              <th scope="col">{t('イベント', 'Event')}</th>
              <th scope="col">{t('受付', 'Accepted')}</th>
              <th scope="col">{t('状況', 'Progress')}</th>
              <th scope="col">{t('詳細', 'Detail')}</th>
            </tr>
          </thead>
          <tbody>
            {s.reports.map((r) => (
              <tr key={r.id} data-report-id={r.id} data-phase={r.phase}>
                <td>{KIND_LABEL[r.kind][lang]}</td>
                <td>{r.event ?? ''}</td>
                <td title={r.createdAt}>{when(r.createdAt, lang)}</td>
                <td>
                  {PHASE_LABEL[r.phase][lang]}
                  {r.attempts > 0 && r.phase !== 'sent' ? t(`(${r.attempts} 回試行)`, ` (${r.attempts} attempt(s))`) : ''}
                </td>
                <td>{r.phase === 'sent' ? (r.detail ?? '') : r.problem ? problemText(r.problem, lang) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Note>{t('期限切れの通報は削除されずに保存されています。', 'Expired reports are kept, not deleted.')}</Note>
    </QueryDialog>
  );
}
