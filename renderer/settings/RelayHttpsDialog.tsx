/**
 * マネージャからのエクスプレス(HTTPS)通報の基本設定 (manager side, manual 4.2.1): the port that receives agents' reports
 * (ポート番号 31138 with 初期値; agents use the same), the agents allowed, the proxy the forwarding uses (Basic
 * authentication only; no auto-config script, no auto-detection), and the manager's own HTTPS destinations with
 * テスト通報(1次) / (2次), which must pass before agents are set up. Enabling is done in the list of 通報手段の設定.
 */
import { useState, type ReactNode } from 'react';
import { type AdrModel } from '../../shared/inf/adr.js';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { useMessageBox } from './MessageBox.js';
import { FieldWithDefault, Note, OkCancel, ProblemList, SettingField, useT } from './parts.js';
import { HttpsDestinations } from './Destinations.js';
import { NotifyButtons } from './NotifyButtons.js';
import { RememberSecret } from './RememberSecret.js';
import { RelayBeforeAgents } from './relay-notes.js';
import { RELAY_HTTPS_PORT } from './relay-ports.js';

const KEYS: readonly SettingKey[] = [
  'relay.https.port',
  'relay.allow',
  'https.proxy.use',
  'https.proxy.host',
  'https.proxy.port',
  'https.proxy.user',
  'https.proxy.password',
];
const ASSUME: TypedValues = { 'relay.https.enabled': 'on' };

export function RelayHttpsDialog(): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  const [destinations, setDestinations] = useState<AdrModel>();
  const form = useDialogForm('relay-https', KEYS, ASSUME, destinations ? { destinations } : undefined);
  const box = useMessageBox();
  return (
    <Dialog
      title={t('マネージャからのエクスプレス(HTTPS)通報の基本設定', 'Express (HTTPS) report from the manager: basic settings')}
      wide
      onCancel={() => close('relay-https')}
      buttons={
        <OkCancel
          busy={form.busy}
          onCancel={() => close('relay-https')}
          onOk={() => {
            void form.save().then((ok) => {
              if (ok) close('relay-https');
            });
          }}
        />
      }
    >
      <fieldset>
        <legend>{t('受信', 'Receive')}</legend>
        <FieldWithDefault form={form} k="relay.https.port" value={RELAY_HTTPS_PORT} label={t('ポート番号', 'Port')} accessKey="P" defaultKey="E" />
        <Note>
          {t(
            '初期値は 31138 です。通常、初期値に問題がないかぎり設定を変更しないでください。変更する場合は、エージェントでも同一のポート番号を指定してください。',
            'The default is 31138. Normally keep it; if you change it, set the same port on the agents.',
          )}
        </Note>
        <SettingField form={form} k="relay.allow" />
      </fieldset>
      <fieldset>
        <legend>{t('プロキシサーバ', 'Proxy server')}</legend>
        <SettingField form={form} k="https.proxy.use" label={t('指定したプロキシサーバを使用する', 'Use this proxy server')} />
        <SettingField form={form} k="https.proxy.host" label={t('アドレス', 'Address')} />
        <SettingField form={form} k="https.proxy.port" label={t('ポート', 'Port')} />
        <SettingField form={form} k="https.proxy.user" label={t('ユーザー名', 'User name')} />
        <SettingField form={form} k="https.proxy.password" label={t('パスワード', 'Password')} />
        <RememberSecret form={form} k="https.proxy.password" />
        <Note>{t('※ BASIC 認証方式に対応しています。', '※ Only Basic authentication is supported.')}</Note>
        <Note>
          {t('※ 自動構成スクリプト、プロキシの自動検出には対応していません。', '※ Proxy auto-config scripts and proxy auto-detection are not supported.')}
        </Note>
      </fieldset>
      <HttpsDestinations {...(destinations ? { draft: destinations } : {})} onRead={setDestinations} />
      <RelayBeforeAgents kind="https" />
      <NotifyButtons route="https" form={form} box={box} {...(destinations ? { destinations } : {})} />
      <Note>{t('有効/無効は[通報手段の設定]で切り替えます。', 'Enable or disable it in the list of notification methods.')}</Note>
      <ProblemList problems={form.otherProblems} />
      {box.element}
    </Dialog>
  );
}
