/** インターネットメール通報の認証設定: POP before SMTP and SMTP authentication (CRAM-MD5, then LOGIN, then PLAIN). */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { Note, OkCancel, ProblemList, SettingField, useT } from './parts.js';
import { RememberSecret } from './RememberSecret.js';

const KEYS: readonly SettingKey[] = [
  'mail.pop.host',
  'mail.pop.user',
  'mail.pop.password',
  'mail.pop.port',
  'mail.pop.waitMs',
  'mail.auth.user',
  'mail.auth.password',
  'mail.auth.methods',
];
const ASSUME: TypedValues = { 'express.route': 'mail' };

export function MailAuthDialog(): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  const form = useDialogForm('mail-auth', KEYS, ASSUME);
  return (
    <Dialog
      title={t('インターネットメール通報の認証設定', 'E-mail authentication settings')}
      onCancel={() => close('mail-auth')}
      buttons={
        <OkCancel
          busy={form.busy}
          onCancel={() => close('mail-auth')}
          onOk={() => {
            void form.save().then((ok) => {
              if (ok) close('mail-auth');
            });
          }}
        />
      }
    >
      <fieldset>
        <legend>POP Before SMTP</legend>
        <SettingField form={form} k="mail.pop.host" />
        <SettingField form={form} k="mail.pop.user" />
        <SettingField form={form} k="mail.pop.password" />
        <RememberSecret form={form} k="mail.pop.password" />
        <SettingField form={form} k="mail.pop.port" />
        <SettingField form={form} k="mail.pop.waitMs" />
        <Note>{t('※ [POP ポート番号]は、問題がなければ特に変更の必要はありません。', '※ Normally leave the POP port as it is.')}</Note>
      </fieldset>
      <fieldset>
        <legend>{t('SMTP 認証', 'SMTP authentication')}</legend>
        <SettingField form={form} k="mail.auth.user" />
        <SettingField form={form} k="mail.auth.password" />
        <RememberSecret form={form} k="mail.auth.password" />
        <SettingField form={form} k="mail.auth.methods" />
        <Note>
          {t(
            '複数チェックされた場合は、CRAM-MD5、LOGIN、PLAIN の順に認証を行います。',
            'When several are checked, CRAM-MD5 is tried first, then LOGIN, then PLAIN.',
          )}
        </Note>
      </fieldset>
      <ProblemList problems={form.otherProblems} />
    </Dialog>
  );
}
