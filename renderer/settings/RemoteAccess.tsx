/** リモートアクセスサービスの利用 (dial up to a provider before sending): for the e-mail and HTTPS routes. */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type DialogForm } from './form.js';
import { Note, SettingField, useT } from './parts.js';
import { RememberSecret } from './RememberSecret.js';

export const REMOTE_KEYS: readonly SettingKey[] = ['remote.use', 'remote.entry', 'remote.user', 'remote.password'];

export function RemoteAccess({ form, entryLabel }: { form: DialogForm; entryLabel?: string }): ReactNode {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('リモートアクセスサービスの利用', 'Remote access service')}</legend>
      <SettingField form={form} k="remote.use" />
      <SettingField form={form} k="remote.entry" label={entryLabel} />
      <SettingField form={form} k="remote.user" />
      <SettingField form={form} k="remote.password" />
      <RememberSecret form={form} k="remote.password" />
      <Note>
        {t(
          '接続先はあらかじめ OS で設定してください。OS に保存されたユーザー名、パスワードは使用しません。必ずここで設定してください。',
          'Set up the connection in the OS first. The user name and password saved in the OS are not used: always set them here.',
        )}
      </Note>
    </fieldset>
  );
}
