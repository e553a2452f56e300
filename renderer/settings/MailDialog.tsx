/**
 * エクスプレス通報(インターネット メール経由)の設定: SMTP server, sender, destination (set by activation), encoding, remote access.
 * `relay`: the same settings as the manager's forwarding of agents' reports (マネージャからのエクスプレス通報(インターネット
 * メール経由)の基本設定, manual 4.3.1): OK only saves (the manager's own route is not switched), and its テスト通報 is the
 * manager's own test, which must pass before agents are set up.
 */
import { type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { ChangeRegistration } from './ChangeRegistration.js';
import { Note, Radios, ReadOnlyField, SettingField, defOf, useT } from './parts.js';
import { REMOTE_KEYS, RemoteAccess } from './RemoteAccess.js';
import { NotifyButtons } from './NotifyButtons.js';
import { RelayBeforeAgents } from './relay-notes.js';
import { routeOrRelayKeys, useRouteOrRelayDialog } from './route-or-relay.js';
import { RouteSettingsDialog } from './RouteSettingsDialog.js';

const KEYS = routeOrRelayKeys('mail', [
  'mail.smtp.host',
  'mail.smtp.port',
  'mail.smtp.security',
  'mail.sender',
  'mail.encoding',
  'mail.timeoutSeconds',
  'mail.pop.use',
  'mail.auth.use',
  ...REMOTE_KEYS,
]);

export function MailDialog({ relay = false }: { relay?: boolean }): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const open = useApp((s) => s.open);
  const to = useApp((s) => s.snapshot?.settings['mail.to'] ?? '');
  const dialog = useRouteOrRelayDialog(KEYS, relay);
  const { form, box } = dialog;
  const needsAuth = form.values['mail.pop.use'] === 'on' || form.values['mail.auth.use'] === 'on';

  return (
    <RouteSettingsDialog
      {...dialog}
      title={
        relay
          ? t('マネージャからのエクスプレス通報(インターネット メール経由)の基本設定', 'Express report from the manager via e-mail: basic settings')
          : t('エクスプレス通報(インターネット メール経由)の設定', 'Express report via e-mail: settings')
      }
    >
      <SettingField form={form} k="mail.smtp.host" />
      <SettingField form={form} k="mail.smtp.port" />
      <SettingField form={form} k="mail.smtp.security" />
      <SettingField form={form} k="mail.sender" />
      <ReadOnlyField
        label={defOf('mail.to').label[lang]}
        value={to}
        note={t('宛先は開局時に自動的に適切に設定されます。', 'The destination is set automatically by activation.')}
      />
      <Radios form={form} k="mail.encoding" labels={{ uuencode: 'uuencode', base64: 'Base64' }} />
      <SettingField form={form} k="mail.timeoutSeconds" />
      <fieldset>
        <legend>{t('認証', 'Authentication')}</legend>
        <SettingField form={form} k="mail.pop.use" />
        <SettingField form={form} k="mail.auth.use" />
        <button
          type="button"
          disabled={!needsAuth}
          onClick={() => open('mail-auth')}
          aria-label={t('インターネットメール通報の認証設定', 'E-mail authentication settings')}
        >
          {t('設定...', 'Settings...')}
        </button>
      </fieldset>
      <RemoteAccess form={form} />
      <ChangeRegistration />
      <Note>
        {t(
          'エンコード方式の初期値は uuencode です。Base64 方式で通報する場合は Base64 に変更してください。',
          'The encoding is uuencode by default; choose Base64 to report in Base64.',
        )}
      </Note>
      {relay ? <RelayBeforeAgents kind="express" /> : null}
      <NotifyButtons route="mail" form={form} box={box} />
    </RouteSettingsDialog>
  );
}
