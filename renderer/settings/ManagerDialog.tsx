/** エクスプレス通報(マネージャ経由)の設定: the manager's address and port (31136; 31138 for HTTPS; the same as the manager's). */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { useDialogForm } from './form.js';
import { useMessageBox } from './MessageBox.js';
import { FieldWithDefault, Note, OkCancel, ProblemList, SettingField, useT } from './parts.js';
import { ROUTE_KEY, useRouteOk } from './route-ok.js';

const KEYS: readonly SettingKey[] = [ROUTE_KEY, 'manager.host', 'manager.port'];
const ASSUME: TypedValues = { 'express.route': 'manager' };
export const MANAGER_PORT = 31136;
export const MANAGER_PORT_HTTPS = 31138;

export function ManagerDialog(): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  const https = useApp((s) => s.snapshot?.settings['express.route'] === 'https');
  const form = useDialogForm('manager', KEYS, ASSUME);
  const box = useMessageBox();
  const ok = useRouteOk('manager', 'manager', form, box);
  return (
    <Dialog
      title={t('エクスプレス通報(マネージャ経由)の設定', 'Express report via the manager: settings')}
      onCancel={() => close('manager')}
      buttons={
        <OkCancel
          busy={form.busy}
          onOk={() => {
            void ok();
          }}
          onCancel={() => close('manager')}
        />
      }
    >
      <SettingField form={form} k="manager.host" />
      <FieldWithDefault form={form} k="manager.port" value={https ? MANAGER_PORT_HTTPS : MANAGER_PORT} />
      <Note>
        {t(
          '初期値は 31136 (HTTPS の場合 31138) です。変更する場合はマネージャでも同一のポート番号を指定してください。',
          'The default is 31136 (31138 for HTTPS). If you change it, set the same port on the manager.',
        )}
      </Note>
      <ProblemList problems={[...form.problemsOf(ROUTE_KEY), ...form.otherProblems]} />
      {box.element}
    </Dialog>
  );
}
