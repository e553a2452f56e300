/**
 * 設定情報の変更: the setup utility opened on an activated machine. It starts on 登録されている開局情報 (what is
 * registered, and the choice between changing it and activating again), then the pages of the registered method
 * without the key file or key code; 完了 sends only the registration fields (HostApi updateRegistration), so the
 * state, routes, proxy, certificates and schedule are kept. Only 開局し直す (a new key file or key code) re-activates,
 * after ER_5001 whose default answer is いいえ.
 */
import { text } from '../../shared/messages/text.js';
import { isRegistrationKey } from '../../shared/host/registration.js';
import { type TypedValues } from '../../shared/host/api.js';
import { CUSTOMER_KEYS, DEALER_KEYS, MACHINE_KEYS, keysOfPage, type Method, type PageId, type Service, type WizardValues } from './model.js';

export type WizardMode = 'change' | 'activate';
export type ChangeChoice = 'change' | 'reactivate';

export function changePagesOf(method: Method): PageId[] {
  return method === 'keyfile' ? ['registered', 'customer', 'machine', 'options', 'dealer'] : ['registered', 'machine', 'options', 'dealer'];
}

/** updateRegistration's `values`: the registration fields the pages of this method show, as typed. */
export function registrationValues(values: WizardValues, method: Method, service: Service): TypedValues {
  const keys = [...keysOfPage('registered', service), ...(method === 'keyfile' ? CUSTOMER_KEYS : []), ...MACHINE_KEYS, ...DEALER_KEYS];
  const out: TypedValues = {};
  for (const k of keys) if (isRegistrationKey(k)) out[k] = values[k];
  return out;
}

export const C = {
  page: text('登録されている開局情報', 'Registered activation information'),
  intro: text(
    'このサーバは開局済みです。登録されている情報を変更するか、新しい開局キーファイルまたは通報開局キーコードで開局し直すかを選択し、[次へ]をクリックします。',
    'This server is activated. Choose whether to change the registered information or to activate again with a new key file or key code, then click Next.',
  ),
  service: text('通報サービス', 'Service'),
  method: text('開局方式', 'Activation method'),
  state: text('状態', 'State'),
  expiry: text('有効期限', 'Expiry'),
  choice: text('実行する操作', 'What to do'),
  change: text('登録されている情報を変更する(C)', 'Change the registered information (C)'),
  changeNote: text('通報手段、プロキシ、証明書、スケジュール、状態はそのまま保たれます。', 'The routes, proxy, certificates, schedule and state are kept.'),
  reactivate: text('新しい開局キーファイルまたは通報開局キーコードで開局し直す(R)', 'Activate again with a new key file or key code (R)'),
  reactivateNote: text('開局し直すと、以前に設定した内容はすべて消去されます。', 'Activating again erases every setting made before.'),
  changeFailed: text(
    '開局情報を変更できませんでした。表示された項目を確認してください。',
    'The registration information was not changed: see the items shown.',
  ),
} as const;
