/**
 * マネージャからのエクスプレス通報 / (HTTPS) の基本設定 (manager side): the ports that receive agents' reports (初期値 31136 / 31138;
 * agents must use the same) and how Express reports are forwarded. Enabling is done in the list of 通報手段の設定.
 */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { FieldWithDefault, Note, OkCancel, ProblemList, Radios, useT } from './parts.js';
import { METHOD_NAMES } from './routes.js';

const KEYS: readonly SettingKey[] = ['relay.express.port', 'relay.express.forward', 'relay.https.port'];
const ASSUME: TypedValues = { 'relay.express.enabled': 'on', 'relay.https.enabled': 'on' };

export function RelayDialog(): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const close = useApp((s) => s.close);
  const form = useDialogForm('relay', KEYS, ASSUME);
  return (
    <Dialog
      title={t('マネージャからのエクスプレス通報の基本設定', 'Express report from the manager: basic settings')}
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
        <legend>{METHOD_NAMES.relayExpress[lang]}</legend>
        <FieldWithDefault form={form} k="relay.express.port" value={31136} />
        <Radios form={form} k="relay.express.forward" />
        <Note>
          {t(
            '転送にはエクスプレス通報サービスと同じインターネットメール/ダイヤルアップの設定を使います。',
            'Forwarding uses the same e-mail / dial-up settings as the Express Report Service.',
          )}
        </Note>
      </fieldset>
      <fieldset>
        <legend>{METHOD_NAMES.relayHttps[lang]}</legend>
        <FieldWithDefault form={form} k="relay.https.port" value={31138} />
      </fieldset>
      <Note>
        {t(
          '通常、初期値に問題がないかぎり設定を変更しないでください。変更する場合はエージェントでも同一のポート番号を指定してください。有効/無効は[通報手段の設定]で切り替えます。',
          'Normally keep the defaults. If you change a port, set the same port on the agents. Enable or disable these in the list of notification methods.',
        )}
      </Note>
      <ProblemList problems={form.otherProblems} />
    </Dialog>
  );
}
