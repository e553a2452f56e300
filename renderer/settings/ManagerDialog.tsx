/**
 * エクスプレス通報サービス(マネージャ経由)の設定 (agent side, manual 4.3.3): the manager's address and port (31136; the same
 * as the manager's), beyond the original a secondary manager tried when the first does not answer, and テスト通報(T) /
 * 開局通報(O) sent through the manager with the values shown (before OK). The manager forwards the test by its own route;
 * over dial-up no result mail comes, and the result says so.
 */
import { type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { FieldWithDefault, Note, SettingField, useT } from './parts.js';
import { ROUTE_KEY } from './route-ok.js';
import { NotifyButtons } from './NotifyButtons.js';
import { RELAY_EXPRESS_PORT } from './relay-ports.js';
import { RouteSettingsDialog } from './RouteSettingsDialog.js';
import { SecondaryManager } from './SecondaryManager.js';
import { useRouteDialog } from './use-route-dialog.js';

const KEYS: readonly SettingKey[] = [ROUTE_KEY, 'manager.host', 'manager.port', 'manager.secondary.host', 'manager.secondary.port'];
const ASSUME: TypedValues = { 'express.route': 'manager' };

export function ManagerDialog(): ReactNode {
  const t = useT();
  const dialog = useRouteDialog('manager', 'manager', KEYS, ASSUME);
  const { form, box } = dialog;
  return (
    <RouteSettingsDialog {...dialog} title={t('エクスプレス通報サービス(マネージャ経由)の設定', 'Express Report Service (via the manager): settings')}>
      <SettingField form={form} k="manager.host" label={t('IPアドレス(またはホスト名)', 'IP address (or host name)')} accessKey="I" />
      <FieldWithDefault form={form} k="manager.port" value={RELAY_EXPRESS_PORT} accessKey="N" defaultKey="D" />
      <Note>
        {t(
          '初期値は 31136 です。通常、初期値に問題がないかぎり設定を変更しないでください。変更する場合はマネージャでも同一のポート番号を指定してください。',
          'The default is 31136. Normally keep it; if you change it, set the same port on the manager.',
        )}
      </Note>
      <SecondaryManager form={form} host="manager.secondary.host" port="manager.secondary.port" defaultPort={RELAY_EXPRESS_PORT} />
      <NotifyButtons route="manager" form={form} box={box} />
      <Note>
        {t(
          'マネージャからのエクスプレス通報の通報手段として[インターネット メール経由]を選択している場合は、テスト通報終了後、指定した結果送付先へのメールの到着を待ってください。テスト通報結果を確認した後で、開局通報してください。なお、マネージャでダイヤルアップ経由が選択されている場合は、テスト結果は送付されません。',
          'When the manager forwards by e-mail, wait for the result mail at the chosen address after the test, then send the activation notification. When the manager forwards over dial-up, no result is sent.',
        )}
      </Note>
    </RouteSettingsDialog>
  );
}
