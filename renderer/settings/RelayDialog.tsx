/**
 * マネージャからのエクスプレス通報の基本設定 (manager side, manual 4.3.1 / 4.3.2): 受信 ポート番号(P) 31136 with 初期値(E)
 * (agents must use the same), the agents allowed; 送信: 宛先登録(A)... (the center's destinations from a key file, without
 * activating again), the forwarding route インターネットメール経由(I) / ダイヤルアップ経由(D) with 設定(S)... (the mail /
 * dial-up forwarding settings) and S/MIME有効(M). Enabling is done in the list of 通報手段の設定.
 */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { Dialog } from '../components/Dialog.js';
import { KeyButton } from '../components/Mnemonic.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { FieldWithDefault, Note, OkCancel, ProblemList, Radios, SettingField, useT } from './parts.js';
import { RegisterDestinations } from './RegisterDestinations.js';
import { RelayBeforeAgents } from './relay-notes.js';
import { RELAY_EXPRESS_PORT } from './relay-ports.js';

const KEYS: readonly SettingKey[] = ['relay.express.port', 'relay.express.forward', 'mail.smime', 'relay.allow'];
const ASSUME: TypedValues = { 'relay.express.enabled': 'on' };

export function RelayDialog(): ReactNode {
  const t = useT();
  const open = useApp((s) => s.open);
  const close = useApp((s) => s.close);
  const keyFile = useApp((s) => s.snapshot?.settings['activation.method'] === 'keyfile');
  const form = useDialogForm('relay', KEYS, ASSUME);
  const forward = form.values['relay.express.forward'];
  return (
    <Dialog
      title={t('マネージャからのエクスプレス通報の基本設定', 'Express report from the manager: basic settings')}
      wide
      onCancel={() => close('relay')}
      buttons={
        <OkCancel
          busy={form.busy}
          onCancel={() => close('relay')}
          onOk={() => {
            void form.save().then((ok) => {
              if (ok) close('relay');
            });
          }}
        />
      }
    >
      <fieldset>
        <legend>{t('受信', 'Receive')}</legend>
        <FieldWithDefault form={form} k="relay.express.port" value={RELAY_EXPRESS_PORT} label={t('ポート番号', 'Port')} accessKey="P" defaultKey="E" />
        <Note>
          {t(
            '初期値は 31136 です。通常、初期値に問題がないかぎり設定を変更しないでください。変更する場合はエージェントでも同一のポート番号を指定してください。',
            'The default is 31136. Normally keep it; if you change it, set the same port on the agents.',
          )}
        </Note>
        <SettingField form={form} k="relay.allow" />
      </fieldset>
      <fieldset>
        <legend>{t('送信', 'Send')}</legend>
        <Note>
          {t(
            '保守センターの宛先の登録を行う必要があります。登録を済ませてから通報手段の設定を行ってください。',
            "The maintenance center's destinations must be registered first; then set up the route.",
          )}
        </Note>
        <RegisterDestinations />
        <Note>{t('通報手段を選択し、[設定]ボタンを押して通報基本設定を行ってください。', 'Choose the route and click Settings to set it up.')}</Note>
        <Radios form={form} k="relay.express.forward" legend={t('通報手段', 'Route')} keys={{ mail: 'I', dialup: 'D' }} />
        <div className="button-row">
          <KeyButton
            text={t('設定(S)...', 'Settings (S)...')}
            aria-label={`${t('設定(S)...', 'Settings (S)...')} ${forward === 'dialup' ? t('ダイヤルアップ経由', 'via dial-up') : t('インターネットメール経由', 'via e-mail')}`}
            onClick={() => open(forward === 'dialup' ? 'relay-dialup' : 'relay-mail')}
          />
        </div>
        <SettingField form={form} k="mail.smime" label={t('S/MIME有効', 'S/MIME enabled')} accessKey="M" disabled={!keyFile} />
        <Note>
          {t(
            'S/MIME は開局キーファイルで開局したマネージャだけで使用できます。転送する通報はこのマネージャの設定で暗号化されます。',
            "S/MIME needs a manager activated with a key file; forwarded reports are sealed with this manager's setting.",
          )}
        </Note>
      </fieldset>
      <RelayBeforeAgents kind="express" />
      <Note>{t('有効/無効は[通報手段の設定]で切り替えます。', 'Enable or disable it in the list of notification methods.')}</Note>
      <ProblemList problems={form.otherProblems} />
    </Dialog>
  );
}
