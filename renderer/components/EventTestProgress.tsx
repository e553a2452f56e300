/**
 * 通報テスト's progress: after the service accepted the pseudo event, follows its report through the service's status
 * (ログ採取中 → 送信待ち → 送信中 → 送信済み / 期限切れ) and notes the result in the event panel once it is final.
 * Polls once a second while shown; a report that is not final after `giveUpMs` is left to the status dialog.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { message } from '../../shared/messages/problem.js';
import { type ReportProgress } from '../../shared/host/api.js';
import { isFinal, KIND_LABEL, PHASE_LABEL, PHASES } from '../../shared/host/report-progress.js';
import { problemText } from '../i18n.js';
import { useApp } from '../store-context.js';

export interface Tracked {
  reportId: string;
  source: string;
  id: string;
}

export function EventTestProgress({
  tracked,
  onDone,
  intervalMs = 1000,
  giveUpMs = 600_000,
}: {
  tracked: Tracked;
  onDone(): void;
  intervalMs?: number;
  giveUpMs?: number;
}): ReactNode {
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const note = useApp((s) => s.note);
  const [report, setReport] = useState<ReportProgress | undefined>();
  const [lost, setLost] = useState(false);

  useEffect(() => {
    let stopped = false;
    const until = Date.now() + giveUpMs;
    const poll = async (): Promise<void> => {
      const status = await host.serviceStatus().catch(() => undefined);
      if (stopped) return;
      const r = status?.reports?.find((x) => x.id === tracked.reportId);
      if (!status) setLost(true);
      if (r) setReport(r);
      if (r && isFinal(r.phase)) {
        const at = { source: tracked.source, id: tracked.id, reportId: r.id };
        if (r.phase === 'sent') note('info', message('ER_6027', { ...at, detail: r.detail ?? '' }), 'ER_6027');
        else note('warning', message('ER_6028', { ...at, reason: r.problem ? r.problem.message : '' }), 'ER_6028');
        return;
      }
      if (Date.now() < until) timer = setTimeout(() => void poll(), intervalMs);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [host, note, tracked, intervalMs, giveUpMs]);

  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const phase = report?.phase;
  const steps = phase === 'expired' ? [...PHASES.slice(0, -1), 'expired' as const] : PHASES;
  const reached = phase ? steps.indexOf(phase) : -1;
  return (
    <section className="event-test-progress" aria-label={t('通報テストの経過', 'Test report progress')} data-testid="event-test-progress">
      <h2>
        {t('通報テストの経過', 'Test report progress')}: {tracked.source} {tracked.id}
      </h2>
      <p>
        {KIND_LABEL.failure[lang]} {tracked.reportId}
      </p>
      <ol aria-live="polite">
        {steps.map((s, i) => (
          <li key={s} data-phase={s} aria-current={s === phase ? 'step' : undefined} className={i < reached ? 'done' : s === phase ? 'current' : 'todo'}>
            {PHASE_LABEL[s][lang]}
            {s === phase && s === 'sent' && report?.detail ? `: ${report.detail}` : ''}
            {s === phase && s !== 'sent' && report?.problem ? `: ${problemText(report.problem, lang)}` : ''}
          </li>
        ))}
      </ol>
      {lost ? (
        <p role="status" className="warning">
          {t('通報サービスから応答がありません。', 'The reporting service does not answer.')}
        </p>
      ) : null}
      <button type="button" onClick={onDone}>
        {phase && isFinal(phase) ? t('閉じる', 'Close') : t('経過の表示をやめる', 'Stop following')}
      </button>
    </section>
  );
}
