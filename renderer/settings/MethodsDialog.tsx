/**
 * 通報基本設定 → tab 通報手段の設定: the four methods, each with its lamp (green = enabled), an enable checkbox and 設定.
 * Express and Express (HTTPS) share one setting (express.route); enabling one while the other is on is refused (ER_3019).
 */
import { useId, type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type Lang, type LocalizedText } from '../../shared/messages/text.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { useDialogForm, type DialogForm } from './form.js';
import { useMessageBox } from './MessageBox.js';
import { OkCancel, ProblemList, defOf, useT } from './parts.js';
import { METHOD_NAMES, exclusionMessage, isExpressRoute, likelyRoute, type Route } from './routes.js';

const KEYS: readonly SettingKey[] = ['express.route', 'relay.express.enabled', 'relay.https.enabled'];

interface Method {
  id: string;
  name: LocalizedText;
  dialog: DialogId;
  enabled(v: DialogForm['values']): boolean;
  /** The values that switch it on or off. */
  switchTo(on: boolean): { key: SettingKey; value: string };
}

export function MethodsDialog(): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const open = useApp((s) => s.open);
  const close = useApp((s) => s.close);
  const settings = useApp((s) => s.snapshot?.settings);
  const form = useDialogForm('methods', KEYS);
  const box = useMessageBox();
  const tabId = useId();
  const route = form.values['express.route'] ?? 'off';

  const methods: Method[] = [
    {
      id: 'express',
      name: METHOD_NAMES.express,
      dialog: 'express',
      enabled: (v) => isExpressRoute(v['express.route']),
      switchTo: (on) => ({ key: 'express.route', value: on ? likelyRoute(settings) : 'off' }),
    },
    {
      id: 'https',
      name: METHOD_NAMES.https,
      dialog: 'https',
      enabled: (v) => v['express.route'] === 'https',
      switchTo: (on) => ({ key: 'express.route', value: on ? 'https' : 'off' }),
    },
    {
      id: 'relay-express',
      name: METHOD_NAMES.relayExpress,
      dialog: 'relay',
      enabled: (v) => v['relay.express.enabled'] === 'on',
      switchTo: (on) => ({ key: 'relay.express.enabled', value: on ? 'on' : 'off' }),
    },
    {
      id: 'relay-https',
      name: METHOD_NAMES.relayHttps,
      dialog: 'relay-https',
      enabled: (v) => v['relay.https.enabled'] === 'on',
      switchTo: (on) => ({ key: 'relay.https.enabled', value: on ? 'on' : 'off' }),
    },
  ];

  const toggle = async (m: Method, on: boolean) => {
    const { key, value } = m.switchTo(on);
    if (on && key === 'express.route') {
      const refused = exclusionMessage(route, value as Route);
      if (refused) {
        await box.alert(refused, 'ER_3019');
        return;
      }
    }
    form.set(key, value);
  };
  const routeLabel = isExpressRoute(route) ? routeName(route, lang) : '';

  return (
    <Dialog
      title={t('通報基本設定', 'Basic notification settings')}
      onCancel={() => close('methods')}
      wide
      buttons={
        <OkCancel
          busy={form.busy}
          onCancel={() => close('methods')}
          onOk={() => {
            void form.save().then((ok) => {
              if (ok) close('methods');
            });
          }}
        />
      }
    >
      <div role="tablist" className="tabs">
        <button type="button" role="tab" id={`${tabId}-tab`} aria-selected="true" aria-controls={`${tabId}-panel`}>
          {t('通報手段の設定', 'Notification methods')}
        </button>
      </div>
      <div role="tabpanel" id={`${tabId}-panel`} aria-labelledby={`${tabId}-tab`}>
        <table className="list methods">
          <thead>
            <tr>
              <th scope="col">{t('状態', 'State')}</th>
              <th scope="col">{t('通報手段', 'Method')}</th>
              <th scope="col">{t('設定', 'Settings')}</th>
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => {
              const on = m.enabled(form.values);
              const boxId = `${tabId}-${m.id}`;
              return (
                <tr key={m.id} data-method={m.id}>
                  <td>
                    <span className={`lamp${on ? ' lamp-on' : ''}`} aria-hidden="true" />
                    <span className="sr-only">{on ? t('有効', 'enabled') : t('無効', 'disabled')}</span>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      id={boxId}
                      checked={on}
                      onChange={(e) => {
                        void toggle(m, e.target.checked);
                      }}
                    />
                    <label htmlFor={boxId}>{m.name[lang]}</label>
                    {m.id === 'express' && routeLabel ? <span className="route-note">({routeLabel})</span> : null}
                  </td>
                  <td>
                    <button type="button" aria-label={`${m.name[lang]}${t('の設定', ' settings')}`} onClick={() => open(m.dialog)}>
                      {t('設定', 'Settings')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="note">
          {t(
            'チェックした通報手段が有効(緑色)になります。エクスプレス通報サービスとエクスプレス通報サービス(HTTPS)は同時に有効にできません。',
            'A checked method is enabled (green). Express Report Service and Express Report Service (HTTPS) cannot be enabled together.',
          )}
        </p>
        <ProblemList problems={form.otherProblems} />
        {KEYS.map((k) => (
          <ProblemList key={k} problems={form.problemsOf(k)} />
        ))}
      </div>
      {box.element}
    </Dialog>
  );
}

function routeName(route: string, lang: Lang): string {
  const def = defOf('express.route');
  return def.kind === 'enum' ? (def.choiceLabels?.[route]?.[lang] ?? route) : route;
}
