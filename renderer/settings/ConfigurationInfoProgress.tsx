/**
 * 構成情報の通報 after a successful 開局通報 (the manual: 「開局通報に続いて構成情報の通報が実行されます。構成情報の採取、
 * 通報に数分が必要です。構成情報の通報後、結果が表示されます。」). The running service queues it when it sees the state
 * become 運用中 (after the dialog's OK when 開局通報 went with unsaved values); this follows that report through the service's status (HostApi serviceStatus, a query without side
 * effects) every 2 s until it is delivered or expired: ログ採取中 → 送信待ち → 送信中 → 送信済み / 期限切れ.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { type ReportProgress } from '../../shared/host/api.js';
import { isFinal, PHASE_LABEL } from '../../shared/host/report-progress.js';
import { problemText } from '../i18n.js';
import { problemsOf } from '../../shared/host/errors.js';
import { type Problem } from '../../shared/messages/problem.js';
import { useApp } from '../store-context.js';
import { useT } from './parts.js';

/** The clock of the window and of the service may differ a little (the desktop app and its service are one machine). */
const SLACK_MS = 60_000;

/** The configuration information queued after `since` (the first one, when there are several). */
export function heartbeatAfter(reports: readonly ReportProgress[] | undefined, since: string): ReportProgress | undefined {
  const from = Date.parse(since) - SLACK_MS;
  return (reports ?? []).filter((r) => r.kind === 'heartbeat' && Date.parse(r.createdAt) >= from).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

type Seen = { kind: 'waiting' } | { kind: 'no-service' } | { kind: 'error'; problems: readonly Problem[] } | { kind: 'report'; report: ReportProgress };

/**
 * `afterSave`: the 開局通報 went with the dialog's values not saved yet, so the service queues the configuration
 * information once OK has saved them (service/notify/activation-marker.ts); until then this says so.
 */
export function ConfigurationInfoProgress({
  since,
  afterSave = false,
  intervalMs = 2000,
  giveUpMs = 900_000,
}: {
  since: string;
  afterSave?: boolean;
  intervalMs?: number;
  giveUpMs?: number;
}): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const [seen, setSeen] = useState<Seen>({ kind: 'waiting' });

  useEffect(() => {
    let stopped = false;
    const until = Date.now() + giveUpMs;
    const poll = async (): Promise<void> => {
      let next: Seen;
      try {
        const status = await host.serviceStatus();
        const r = status ? heartbeatAfter(status.reports, since) : undefined;
        next = !status ? { kind: 'no-service' } : r ? { kind: 'report', report: r } : { kind: 'waiting' };
      } catch (e) {
        next = { kind: 'error', problems: problemsOf(e) };
      }
      if (stopped) return;
      setSeen(next);
      if (next.kind === 'report' && isFinal(next.report.phase)) return;
      if (Date.now() < until) timer = setTimeout(() => void poll(), intervalMs);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [host, since, intervalMs, giveUpMs]);

  let line: string;
  switch (seen.kind) {
    case 'waiting':
      line = afterSave
        ? t(
            '構成情報は、この画面の設定を[OK]で保存した後に通報されます。構成情報の採取、通報には数分かかります。',
            "The configuration information is sent once OK has saved this window's settings; collecting and sending it takes a few minutes.",
          )
        : t(
            '構成情報の採取を待っています。構成情報の採取、通報には数分かかります。',
            'Waiting for the configuration information to be collected; collecting and sending it takes a few minutes.',
          );
      break;
    case 'no-service':
      line = t(
        '通報サービスが起動していません。構成情報は通報サービスの起動後に送信されます。',
        'The reporting service is not running: the configuration information is sent once it starts.',
      );
      break;
    case 'error':
      line = `${t('通報サービスの状態を取得できません: ', "Cannot read the reporting service's status: ")}${seen.problems.map((p) => problemText(p, lang)).join(' ')}`;
      break;
    case 'report': {
      const r = seen.report;
      const why = r.phase === 'sent' ? (r.detail ? `: ${r.detail}` : '') : r.problem ? `: ${problemText(r.problem, lang)}` : '';
      line = `${PHASE_LABEL[r.phase][lang]}${why}`;
      break;
    }
  }
  const phase = seen.kind === 'report' ? seen.report.phase : undefined;
  return (
    <section
      className="notify-attempt"
      aria-label={t('構成情報の通報', 'Configuration information')}
      data-testid="configuration-info"
      data-phase={phase ?? seen.kind}
    >
      <h3>{t('構成情報の通報', 'Configuration information')}</h3>
      <p role="status" aria-live="polite" className={phase === 'expired' || seen.kind === 'error' ? 'field-error' : undefined}>
        {phase && !isFinal(phase) ? <progress aria-label={t('送信中', 'Sending')} /> : null} {line}
      </p>
    </section>
  );
}
