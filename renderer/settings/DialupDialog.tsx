/**
 * エクスプレス通報(ダイヤルアップ経由)の設定: method, primary / secondary numbers, serial port, interval, pulse / tone, 0発信,
 * 設定情報の変更 (the setup utility), テスト通報(1次) / テスト通報(2次) and 開局通報.
 * `relay`: the same settings as the manager's forwarding of agents' reports (マネージャからのエクスプレス通報(ダイヤルアップ
 * 経由), manual 4.3.2: エージェントから転送されたエクスプレス通報データの一括通報): OK only saves, and its tests are the
 * manager's own, which must pass before agents are set up.
 */
import { type ReactNode } from 'react';
import { ChangeRegistration } from './ChangeRegistration.js';
import { Note, Radios, SettingField, useT } from './parts.js';
import { NotifyButtons } from './NotifyButtons.js';
import { RelayBeforeAgents } from './relay-notes.js';
import { routeOrRelayKeys, useRouteOrRelayDialog } from './route-or-relay.js';
import { RouteSettingsDialog } from './RouteSettingsDialog.js';

const KEYS = routeOrRelayKeys('dialup', [
  'dialup.method',
  'dialup.primary.number',
  'dialup.primary.comment',
  'dialup.secondary.number',
  'dialup.secondary.comment',
  'dialup.serial.port',
  'dialup.serial.shareWithRemote',
  'dialup.intervalSeconds',
  'dialup.mode',
  'dialup.zeroDial',
]);

export function DialupDialog({ relay = false }: { relay?: boolean }): ReactNode {
  const t = useT();
  const dialog = useRouteOrRelayDialog(KEYS, relay);
  const { form, box } = dialog;
  return (
    <RouteSettingsDialog
      {...dialog}
      title={
        relay
          ? t('マネージャからのエクスプレス通報(ダイヤルアップ経由)', 'Express report from the manager via dial-up')
          : t('エクスプレス通報(ダイヤルアップ経由)の設定', 'Express report via dial-up: settings')
      }
    >
      {relay ? (
        <Note>
          {t(
            'エージェントから転送されたエクスプレス通報データは、1 回の発信でまとめて通報します(一括通報)。',
            "Agents' reports waiting to be forwarded go together in one call (bulk forwarding).",
          )}
        </Note>
      ) : null}
      <Radios form={form} k="dialup.method" />
      <fieldset>
        <legend>{t('通報先', 'Destinations')}</legend>
        <SettingField form={form} k="dialup.primary.number" />
        <SettingField form={form} k="dialup.primary.comment" />
        <SettingField form={form} k="dialup.secondary.number" />
        <SettingField form={form} k="dialup.secondary.comment" />
        <SettingField form={form} k="dialup.zeroDial" />
        <Note>
          {t('ゼロ発信(0 発信)の回線では、通報先電話番号の前に "0," が付加されます。', 'On a line that dials 0 first, "0," is put before the numbers.')}
        </Note>
      </fieldset>
      <fieldset>
        <legend>{t('シリアルポートの設定', 'Serial port')}</legend>
        <SettingField form={form} k="dialup.serial.port" />
        <SettingField form={form} k="dialup.serial.shareWithRemote" />
        <SettingField form={form} k="dialup.intervalSeconds" />
        <Radios form={form} k="dialup.mode" choices={['pulse', 'tone']} />
      </fieldset>
      <ChangeRegistration />
      <Note>
        {t(
          'ダイヤルアップ経由のテスト通報では結果のメールは送られません。「通報成功」と表示されれば完了です。',
          'A dial-up test report sends no result mail: "report succeeded" means it is done.',
        )}
      </Note>
      {relay ? <RelayBeforeAgents kind="express" /> : null}
      <NotifyButtons route="dialup" form={form} box={box} reach={relay} />
    </RouteSettingsDialog>
  );
}
