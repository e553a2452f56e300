/** スケジュール: retry (every 5 minutes until 72 hours) and the weekly time window (all day); 既定値に戻す restores them. */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { formatValue } from '../../shared/settings/values.js';
import { WEEKDAYS } from '../../shared/settings/defs/schedule.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { DayWindow } from './DayWindow.js';
import { Note, OkCancel, ProblemList, SettingField, defOf, useT } from './parts.js';

const WINDOW_KEYS = WEEKDAYS.map((d) => `schedule.window.${d}` as SettingKey);
const KEYS: readonly SettingKey[] = ['schedule.retry.intervalMinutes', 'schedule.retry.limitHours', ...WINDOW_KEYS];

export function ScheduleDialog(): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  const form = useDialogForm('schedule', KEYS);
  const restore = () => {
    for (const k of KEYS) {
      const def = defOf(k);
      form.set(k, formatValue(def, def.default));
    }
  };
  return (
    <Dialog
      title={t('スケジュール設定', 'Schedule')}
      wide
      onCancel={() => close('schedule')}
      buttons={
        <OkCancel
          busy={form.busy}
          onCancel={() => close('schedule')}
          onOk={() => {
            void form.save().then((ok) => {
              if (ok) close('schedule');
            });
          }}
        />
      }
    >
      <fieldset>
        <legend>{t('通報リトライ', 'Retry')}</legend>
        <SettingField form={form} k="schedule.retry.intervalMinutes" />
        <SettingField form={form} k="schedule.retry.limitHours" />
      </fieldset>
      <fieldset>
        <legend>{t('通報時間帯', 'Time window')}</legend>
        <table className="list schedule">
          <thead>
            <tr>
              <th scope="col">{t('曜日', 'Day')}</th>
              <th scope="col">HH:MM-HH:MM</th>
              <th scope="col">{t('全日', 'All day')}</th>
              <th scope="col">{t('通報しない', 'No reports')}</th>
              <th scope="col">{t('開始', 'From')}</th>
              <th scope="col">{t('終了', 'To')}</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => (
              <DayWindow key={d} form={form} day={d} />
            ))}
          </tbody>
        </table>
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={restore}>
          {t('既定値に戻す', 'Restore defaults')}
        </button>
      </div>
      <Note>
        {t(
          '初期値は、5 分間隔で 72 時間後までのリトライ、24 時間通報できます。この値は推奨値です。特に問題がなければ変更しないでください。',
          'By default a failed report is retried every 5 minutes for up to 72 hours, and reports may be sent 24 hours a day. These are the recommended values; keep them unless there is a reason.',
        )}
      </Note>
      <ProblemList problems={form.otherProblems} />
    </Dialog>
  );
}
