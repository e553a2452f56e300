/**
 * 予備のマネージャ(省略可) of the dialogs that report through a manager: its address and port, tried only when the first
 * manager does not answer.
 */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type DialogForm } from './form.js';
import { FieldWithDefault, Note, SettingField, useT } from './parts.js';

export function SecondaryManager({ form, host, port, defaultPort }: { form: DialogForm; host: SettingKey; port: SettingKey; defaultPort: number }): ReactNode {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('予備のマネージャ(省略可)', 'Secondary manager (optional)')}</legend>
      <SettingField form={form} k={host} />
      <FieldWithDefault form={form} k={port} value={defaultPort} />
      <Note>
        {t(
          '主のマネージャが応答しないときだけ、予備のマネージャに通報します。',
          'Reports go to the secondary manager only when the first one does not answer.',
        )}
      </Note>
    </fieldset>
  );
}
