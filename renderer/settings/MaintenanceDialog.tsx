/**
 * ツール → 保守中にする… (REMCS 保守中 / 接続停止中): the end time (8 hours ahead by default, at most 30 days) and the reason.
 * OK asks the running service (HostApi pauseService): it holds every report from then on and tells the center. The
 * result — whether the center could be told now — is said in the dialog, answered with OK, and the state bar shows
 * 保守中 until HH:MM.
 * docs/delivery.md, "Maintenance pause".
 */
import { useId, useState, type ReactNode } from 'react';
import { DEFAULT_PAUSE_HOURS, localInputValue, MAX_PAUSE_DAYS, MAX_REASON_LENGTH, PAUSE_LABELS } from '../../shared/host/maintenance.js';
import { message, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { Dialog } from '../components/Dialog.js';
import { FieldErrors, FieldLabel } from '../components/Field.js';
import { accessKeyProps, DEFAULT_BUTTON } from '../components/keyboard.js';
import { useFocusInvalid } from '../components/focus-invalid.js';
import { useApp } from '../store-context.js';
import { Note, OkCancel, ProblemList, useT } from './parts.js';

export function MaintenanceDialog(): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const refused = useFocusInvalid();
  const untilId = useId();
  const reasonId = useId();
  const [now] = useState(() => new Date());
  const [until, setUntil] = useState(() => localInputValue(new Date(now.getTime() + DEFAULT_PAUSE_HOURS * 3_600_000)));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  /** Paused: what happened (the center told now, or the notice held), shown until OK. */
  const [done, setDone] = useState<{ text: LocalizedText; code: string; sent: boolean } | undefined>();
  const of = (field: string) => problems.filter((p) => p.field === field);

  const ok = async (): Promise<void> => {
    setBusy(true);
    try {
      const r = await host.pauseService({ until, reason });
      if (!r.ok) {
        setProblems(r.problems);
        refused(r.problems);
        return;
      }
      setSnapshot(r.snapshot);
      const shown = {
        ja: `${r.maintenance.until ? new Date(r.maintenance.until).toLocaleString('ja-JP') : '-'} まで`,
        en: `until ${r.maintenance.until ? new Date(r.maintenance.until).toLocaleString('en-GB') : '-'}`,
      };
      const said = r.notice.sent
        ? message('ER_6110', { until: shown, reason: reason || '-', detail: r.notice.detail })
        : message('ER_6111', { until: shown, reason: reason || '-', problem: r.notice.problem.message });
      setDone({ text: said, code: r.notice.sent ? 'ER_6110' : 'ER_6111', sent: r.notice.sent });
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Dialog
        title={t('保守中にする', 'Pause for maintenance')}
        onCancel={() => close('maintenance')}
        buttons={
          <button type="button" {...DEFAULT_BUTTON} autoFocus onClick={() => close('maintenance')}>
            OK
          </button>
        }
      >
        <p role="status" className={done.sent ? 'notify-attempt ok' : 'warning'} data-testid="maintenance-result" data-code={done.code}>
          {done.text[lang]}
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('保守中にする', 'Pause for maintenance')}
      onCancel={() => close('maintenance')}
      buttons={
        <OkCancel
          busy={busy}
          onOk={() => {
            void ok();
          }}
          onCancel={() => close('maintenance')}
        />
      }
    >
      <Note>
        {t(
          '保守中は保守センターへ接続しません。発生した障害は保存され、保守の終了後に送信されます。保守中にしたことと終了したことは保守センターに通知されます。終了予定時刻になると自動的に保守を終了します。',
          'While paused, no connection is made to the center. Failures are kept and sent after the pause. The center is told when the pause begins and ends. At the end time the pause ends by itself.',
        )}
      </Note>
      <div className="field">
        <FieldLabel text={PAUSE_LABELS.until[lang]} accessKey="T" htmlFor={untilId} />
        <div className="field-control">
          <input
            id={untilId}
            type="datetime-local"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            {...accessKeyProps('T')}
            min={localInputValue(now)}
            max={localInputValue(new Date(now.getTime() + MAX_PAUSE_DAYS * 86_400_000))}
            aria-invalid={of('until').length > 0 || undefined}
            aria-describedby={`${untilId}-note${of('until').length > 0 ? ` ${untilId}-err` : ''}`}
          />
          <div id={`${untilId}-note`} className="note">
            {t(
              `最長 ${MAX_PAUSE_DAYS} 日後まで(省略時は ${DEFAULT_PAUSE_HOURS} 時間後)`,
              `At most ${MAX_PAUSE_DAYS} days ahead (${DEFAULT_PAUSE_HOURS} hours by default)`,
            )}
          </div>
          <FieldErrors id={`${untilId}-err`} problems={of('until')} />
        </div>
      </div>
      <div className="field">
        <FieldLabel text={PAUSE_LABELS.reason[lang]} accessKey="R" htmlFor={reasonId} />
        <div className="field-control">
          <input
            id={reasonId}
            type="text"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...accessKeyProps('R')}
            placeholder={t('例: ディスク交換', 'e.g. disk replacement')}
            aria-invalid={of('reason').length > 0 || undefined}
            aria-describedby={`${reasonId}-note${of('reason').length > 0 ? ` ${reasonId}-err` : ''}`}
          />
          <div id={`${reasonId}-note`} className="note">
            {t(`${MAX_REASON_LENGTH} 文字以内。保守センターに通知されます。`, `At most ${MAX_REASON_LENGTH} characters; sent to the center.`)}
          </div>
          <FieldErrors id={`${reasonId}-err`} problems={of('reason')} />
        </div>
      </div>
      <ProblemList problems={problems.filter((p) => p.field !== 'until' && p.field !== 'reason')} />
    </Dialog>
  );
}
