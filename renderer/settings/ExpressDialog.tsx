/**
 * エクスプレス通報サービスの基本設定: the route (インターネットメール経由 / ダイヤルアップ経由 / マネージャ経由, each with 設定),
 * S/MIME 有効 (mail or dial-up, key-file activation only), 通報の抑制 and 開局情報の入力 (the setup utility).
 */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { useDialogForm } from './form.js';
import { useMessageBox } from './MessageBox.js';
import { Note, OkCancel, ProblemList, Radios, SettingField, defOf, useT } from './parts.js';
import { ENABLE_QUESTION, EXPRESS_ROUTES, exclusionMessage, isExpressRoute } from './routes.js';
import { SuppressionAndSetup } from './SuppressionAndSetup.js';

const KEYS: readonly SettingKey[] = ['express.route', 'mail.smime'];
const ROUTE_DIALOG: Record<string, DialogId> = { mail: 'mail', dialup: 'dialup', manager: 'manager' };

export function ExpressDialog(): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const open = useApp((s) => s.open);
  const close = useApp((s) => s.close);
  const saved = useApp((s) => s.snapshot?.settings['express.route']);
  const keyFile = useApp((s) => s.snapshot?.settings['activation.method'] === 'keyfile');
  const form = useDialogForm('express', KEYS);
  const box = useMessageBox();
  const done = (ok: boolean) => {
    if (ok) close('express');
  };

  const ok = async () => {
    const chosen = form.values['express.route'];
    if (isExpressRoute(chosen) && chosen !== saved) {
      const refused = exclusionMessage(saved, chosen);
      if (refused) {
        await box.alert(refused, 'ER_3019');
        return;
      }
      if (saved === 'off') {
        const answer = await box.ask(ENABLE_QUESTION);
        if (answer === 'yes') done(await form.save());
        else if (answer === 'no') done(await form.saveWith({ 'express.route': 'off' }));
        return;
      }
    }
    done(await form.save());
  };
  const routeDef = defOf('express.route');

  return (
    <Dialog
      title={t('エクスプレス通報サービスの基本設定', 'Express Report Service: basic settings')}
      onCancel={() => close('express')}
      buttons={
        <OkCancel
          busy={form.busy}
          onOk={() => {
            void ok();
          }}
          onCancel={() => close('express')}
        />
      }
    >
      <Radios
        form={form}
        k="express.route"
        choices={EXPRESS_ROUTES}
        legend={t('通報経路', 'Route')}
        after={(c) => {
          const d = ROUTE_DIALOG[c];
          const name = routeDef.kind === 'enum' ? (routeDef.choiceLabels?.[c]?.[lang] ?? c) : c;
          return d ? (
            <button type="button" aria-label={`${name}${t('の設定', ' settings')}`} onClick={() => open(d)}>
              {t('設定', 'Settings')}
            </button>
          ) : null;
        }}
      />
      <SettingField form={form} k="mail.smime" disabled={!keyFile} />
      <Note>
        {t(
          'S/MIME はインターネットメール経由またはダイヤルアップ経由で、開局キーファイルで開局した場合だけ使用できます。',
          'S/MIME is for the e-mail and dial-up routes, after activation with a key file only.',
        )}
      </Note>
      <SuppressionAndSetup />
      <ProblemList problems={form.otherProblems} />
      {box.element}
    </Dialog>
  );
}
