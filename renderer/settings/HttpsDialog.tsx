/**
 * エクスプレス通報サービス(HTTPS)の基本設定: [HTTPS] / [マネージャ経由] (https.via; with マネージャ経由 宛先設定... opens the
 * manager's address and its テスト通報 / 開局通報: HttpsManagerDialog, and the direct settings below are not used), destinations (URL1 / URL2, 宛先の読み込み: saved on OK), proxy (Basic auth only;
 * no auto-config script, no auto-detection), extra CA certificates, timeout, remote access, 通報の抑制, 開局情報の入力 (the
 * setup utility) and テスト通報(1次) / テスト通報(2次) / 開局通報 with the values shown, before OK.
 */
import { useState, type ReactNode } from 'react';
import { type AdrModel } from '../../shared/inf/adr.js';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { useMessageBox } from './MessageBox.js';
import { Note, OkCancel, ProblemList, Radios, SettingField, useT } from './parts.js';
import { HttpsDestinations } from './Destinations.js';
import { REMOTE_KEYS, RemoteAccess } from './RemoteAccess.js';
import { ROUTE_KEY, useRouteOk } from './route-ok.js';
import { NotifyButtons } from './NotifyButtons.js';
import { RememberSecret } from './RememberSecret.js';
import { SuppressionAndSetup } from './SuppressionAndSetup.js';

const KEYS: readonly SettingKey[] = [
  ROUTE_KEY,
  'https.via',
  'https.proxy.use',
  'https.proxy.host',
  'https.proxy.port',
  'https.proxy.user',
  'https.proxy.password',
  'https.caFile',
  'https.timeoutSeconds',
  ...REMOTE_KEYS,
];
const ASSUME: TypedValues = { 'express.route': 'https' };

export function HttpsDialog(): ReactNode {
  const t = useT();
  const open = useApp((s) => s.open);
  const close = useApp((s) => s.close);
  // 宛先の読み込み's file, until OK saves it with the fields (one request) or キャンセル drops it.
  const [destinations, setDestinations] = useState<AdrModel>();
  const form = useDialogForm('https', KEYS, ASSUME, destinations ? { destinations } : undefined);
  const box = useMessageBox();
  const ok = useRouteOk('https', 'https', form, box);
  const viaManager = form.values['https.via'] === 'manager';
  return (
    <Dialog
      title={t('エクスプレス通報サービス(HTTPS)の基本設定', 'Express Report Service (HTTPS): basic settings')}
      wide
      onCancel={() => close('https')}
      buttons={
        <OkCancel
          busy={form.busy}
          onOk={() => {
            void ok();
          }}
          onCancel={() => close('https')}
        />
      }
    >
      <Radios
        form={form}
        k="https.via"
        after={(c) =>
          c === 'manager' ? (
            <button
              type="button"
              disabled={!viaManager}
              aria-label={t('マネージャ経由の宛先設定...', 'Destination settings via the manager...')}
              onClick={() => open('https-manager')}
            >
              {t('宛先設定...', 'Destination settings...')}
            </button>
          ) : null
        }
      />
      {viaManager ? (
        <Note>
          {t(
            'マネージャ経由では、通報はマネージャの宛先とプロキシで送られます。以下の宛先・プロキシ・証明書の設定は使用されません。',
            "Via the manager, reports go with the manager's destinations and proxy; the destination, proxy and certificate settings below are not used.",
          )}
        </Note>
      ) : null}
      <fieldset disabled={viaManager} className="plain" aria-label={t('HTTPS で直接送る場合の設定', 'Settings for sending over HTTPS directly')}>
        <HttpsDestinations {...(destinations ? { draft: destinations } : {})} onRead={setDestinations} />
        <fieldset>
          <legend>{t('プロキシサーバ', 'Proxy server')}</legend>
          <SettingField form={form} k="https.proxy.use" />
          <SettingField form={form} k="https.proxy.host" label={t('アドレス', 'Address')} />
          <SettingField form={form} k="https.proxy.port" label={t('ポート', 'Port')} />
          <SettingField form={form} k="https.proxy.user" label={t('ユーザー名', 'User name')} />
          <SettingField form={form} k="https.proxy.password" label={t('パスワード', 'Password')} />
          <RememberSecret form={form} k="https.proxy.password" />
          <Note>
            {t('[アドレス]には IP アドレスまたはホスト名(FQDN も可)を指定してください。', "Give the proxy's IP address or host name (an FQDN is fine).")}
          </Note>
          <Note>{t('※ BASIC 認証方式に対応しています。', '※ Only Basic authentication is supported.')}</Note>
          <Note>
            {t('※ 自動構成スクリプト、プロキシの自動検出には対応していません。', '※ Proxy auto-config scripts and proxy auto-detection are not supported.')}
          </Note>
        </fieldset>
        <SettingField form={form} k="https.caFile" />
        <SettingField form={form} k="https.timeoutSeconds" />
        <RemoteAccess form={form} entryLabel={t('接続名', 'Connection name')} />
      </fieldset>
      <SuppressionAndSetup />
      {viaManager ? null : <NotifyButtons route="https" form={form} box={box} {...(destinations ? { destinations } : {})} />}
      <ProblemList problems={[...form.problemsOf(ROUTE_KEY), ...form.otherProblems]} />
      {box.element}
    </Dialog>
  );
}
