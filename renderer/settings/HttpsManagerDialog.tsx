/**
 * エクスプレス通報サービス(HTTPS)(マネージャ経由)の設定 (agent side, manual 4.2.2 steps 9-18): the manager's
 * IPアドレス(またはホスト名)(I) and ポート番号(N) (31138, 初期値(D); the same as the manager's), beyond the original a
 * secondary manager tried when the first does not answer, and テスト通報(T) / 開局通報(O) through the manager with the
 * values shown (before OK). Opened by 宛先設定 while the HTTPS basic settings say [マネージャ経由].
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type TypedValues } from '../../shared/host/api.js';
import { FieldWithDefault, Note, SettingField, useT } from './parts.js';
import { ROUTE_KEY } from './route-ok.js';
import { NotifyButtons } from './NotifyButtons.js';
import { RELAY_HTTPS_PORT } from './relay-ports.js';
import { RouteSettingsDialog } from './RouteSettingsDialog.js';
import { SecondaryManager } from './SecondaryManager.js';
import { useRouteDialog } from './use-route-dialog.js';

const KEYS: readonly SettingKey[] = [
  ROUTE_KEY,
  'https.via',
  'https.manager.host',
  'https.manager.port',
  'https.manager.secondary.host',
  'https.manager.secondary.port',
];
const ASSUME: TypedValues = { 'express.route': 'https', 'https.via': 'manager' };

export function HttpsManagerDialog(): ReactNode {
  const t = useT();
  const dialog = useRouteDialog('https-manager', 'https', KEYS, ASSUME);
  const { form, box } = dialog;
  // This window is the way through a manager: its OK saves [マネージャ経由] with the address (set once, when it opens).
  const chosen = useRef(false);
  useEffect(() => {
    if (chosen.current) return;
    chosen.current = true;
    form.set('https.via', 'manager');
  });
  return (
    <RouteSettingsDialog
      {...dialog}
      title={t('エクスプレス通報サービス(HTTPS)(マネージャ経由)の設定', 'Express Report Service (HTTPS) via the manager: settings')}
      fieldless={[ROUTE_KEY, 'https.via']}
    >
      <SettingField form={form} k="https.manager.host" />
      <FieldWithDefault form={form} k="https.manager.port" value={RELAY_HTTPS_PORT} defaultKey="D" />
      <Note>
        {t(
          'IP アドレスは、255.255.255.255 のように入力してください。ポート番号の初期値は 31138 です。変更する場合は、マネージャでも同一のポート番号を指定してください。',
          'Give an IP address as 255.255.255.255. The port is 31138 by default; if you change it, set the same port on the manager.',
        )}
      </Note>
      <SecondaryManager form={form} host="https.manager.secondary.host" port="https.manager.secondary.port" defaultPort={RELAY_HTTPS_PORT} />
      <NotifyButtons route="https-manager" form={form} box={box} />
    </RouteSettingsDialog>
  );
}
