/** 通報の抑制: fold identical events within a window into one report. Leave the defaults unless the maintenance company says otherwise. */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { OkCancel, ProblemList, SettingField, useT } from './parts.js';

const KEYS: readonly SettingKey[] = ['suppression.use', 'suppression.windowMinutes'];

export function SuppressionDialog(): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  const form = useDialogForm('suppression', KEYS);
  return (
    <Dialog
      title={t('通報の抑制', 'Report suppression')}
      onCancel={() => close('suppression')}
      buttons={
        <OkCancel
          busy={form.busy}
          onCancel={() => close('suppression')}
          onOk={() => {
            void form.save().then((ok) => {
              if (ok) close('suppression');
            });
          }}
        />
      }
    >
      <p className="warning" role="note">
        {t(
          '保守サービス会社からの指示がある場合を除いて、既定値を変更しないでください。',
          'Do not change the defaults unless the maintenance company tells you to.',
        )}
      </p>
      <SettingField form={form} k="suppression.use" />
      <SettingField form={form} k="suppression.windowMinutes" />
      <ProblemList problems={form.otherProblems} />
    </Dialog>
  );
}
