/**
 * ツール → 保守を終了: the pause as it stands (since, until, reason) and what becomes of the reports held meanwhile —
 * sent now (the default), or moved to expired with the reason. OK asks the running service (HostApi resumeService); the
 * center is told of the end either way. docs/delivery.md, "Maintenance pause".
 */
import { useId, useState, type ReactNode } from 'react';
import { formatLocalTime } from '../../shared/host/maintenance.js';
import { type Problem } from '../../shared/messages/problem.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { OkCancel, ProblemList, useT } from './parts.js';

export function MaintenanceEndDialog(): ReactNode {
  const t = useT();
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const note = useApp((s) => s.note);
  const m = useApp((s) => s.snapshot?.maintenance);
  const name = useId();
  const [expireHeld, setExpireHeld] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const ok = async (): Promise<void> => {
    setBusy(true);
    try {
      const r = await host.resumeService(expireHeld ? { expireHeld: true } : {});
      if (!r.ok) {
        setProblems(r.problems);
        return;
      }
      setSnapshot(r.snapshot);
      note(
        'info',
        expireHeld
          ? {
              ja: `保守を終了しました。保留していた通報 ${r.expired} 件を期限切れにしました。`,
              en: `The pause has ended; ${r.expired} held report(s) were moved to expired.`,
            }
          : { ja: `保守を終了しました。保留していた通報 ${r.held} 件を送信します。`, en: `The pause has ended; ${r.held} held report(s) are sent now.` },
      );
      close('maintenance-end');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('保守を終了', 'End the maintenance pause')}
      onCancel={() => close('maintenance-end')}
      buttons={
        <OkCancel
          busy={busy}
          onOk={() => {
            void ok();
          }}
          onCancel={() => close('maintenance-end')}
        />
      }
    >
      <dl className="facts">
        <dt>{t('開始', 'Since')}</dt>
        <dd data-testid="maintenance-since">{m ? formatLocalTime(m.since) : '-'}</dd>
        <dt>{t('終了予定時刻', 'End time')}</dt>
        <dd data-testid="maintenance-until">{m?.until ? formatLocalTime(m.until) : t('なし', 'none')}</dd>
        <dt>{t('理由', 'Reason')}</dt>
        <dd data-testid="maintenance-reason">{m?.reason || t('(なし)', '(none)')}</dd>
      </dl>
      <fieldset className="radios">
        <legend>{t('保守中に保留した通報', 'Reports held during the pause')}</legend>
        <div className="radio-row">
          <label>
            <input type="radio" name={name} checked={!expireHeld} onChange={() => setExpireHeld(false)} />
            {t('送信する', 'Send them')}
          </label>
        </div>
        <div className="radio-row">
          <label>
            <input type="radio" name={name} checked={expireHeld} onChange={() => setExpireHeld(true)} />
            {t('送信せずに期限切れにする', 'Do not send them: move them to expired')}
          </label>
        </div>
      </fieldset>
      <ProblemList problems={problems} />
    </Dialog>
  );
}
