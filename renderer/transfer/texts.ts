/** The words of the transfer dialogs (Japanese as the product speaks, English on request). */
import { text } from '../../shared/messages/text.js';
import { MIN_PASSPHRASE } from '../../shared/transfer/format.js';

// The read-only view's banner is on the first screen: its words are apart (./view-text.ts), without format.ts's zod.
export { VIEW_TEXT } from './view-text.js';

export const EXPORT_TEXT = {
  title: text('エクスポート', 'Export'),
  intro: text(
    '設定をすべて 1 つのファイルに書き出します(初期値のままの設定、定義ファイル、センターの証明書、要約を含みます)。スプール、ログ、鍵は含みません。',
    'Writes every setting to one file (defaults too, the definition files, the center certificate, a summary). The spool, logs and keys never travel.',
  ),
  scope: text('種類', 'Scope'),
  support: text('サポート用(パスワードは設定済みかどうかのみ)', 'Support (passwords only as set / not set)'),
  supportGuide: text('サポート窓口に送るためのエクスポートです。パスワードは含まれません。', 'An export for support staff: no password is in it.'),
  transfer: text('移行用(パスワードをパスフレーズで暗号化)', 'Transfer (passwords sealed with a passphrase)'),
  transferGuide: text(
    '別の装置に設定を移すためのエクスポートです。パスワードはパスフレーズで暗号化されます。',
    'An export to move the settings to another machine: passwords are sealed with a passphrase.',
  ),
  passphrase: text('パスフレーズ', 'Passphrase'),
  passphraseNote: text(
    `${MIN_PASSPHRASE} 文字以上。インポートのときに必要です(保存されません)。`,
    `At least ${MIN_PASSPHRASE} characters. The import asks for it (it is not stored).`,
  ),
  passphraseGuide: text(
    '移行用のエクスポートのパスワードを暗号化するパスフレーズを入力します。',
    "Type the passphrase that seals the transfer export's passwords.",
  ),
  passphrase2: text('パスフレーズの確認', 'Passphrase again'),
  passphrase2Guide: text('確認のため、同じパスフレーズをもう一度入力します。', 'Type the same passphrase again.'),
  personal: text('個人情報(お客様名、住所、電話番号、メールアドレス)', 'Personal data (customer names, address, phone, e-mail)'),
  personalAlways: text('移行用のエクスポートには個人情報も含まれます。', 'A transfer export always holds the personal data.'),
  omit: text('含めない', 'Leave out'),
  omitGuide: text(
    '個人情報をエクスポートに含めません。インポートではこの装置の値のままになります。',
    "Personal data is left out; an import keeps the machine's own values.",
  ),
  include: text('含める', 'Include'),
  includeGuide: text('個人情報もエクスポートに含めます。', 'Personal data is put in the export too.'),
  scopes: { support: text('サポート用', 'support'), transfer: text('移行用', 'transfer') },
};

export const IMPORT_TEXT = {
  title: text('インポート', 'Import'),
  intro: text(
    'エクスポートしたファイルを検査し、変更点を表示します。OK を押すまで何も書き込みません。',
    'Checks an export and shows what would change. Nothing is written before OK.',
  ),
  file: text('ファイル', 'File'),
  browse: text('参照(B)...', 'Browse (B)...'),
  passphrase: text('パスフレーズ', 'Passphrase'),
  passphraseNote: text('移行用のエクスポートのみ', 'A transfer export only'),
  passphraseGuide: text('移行用のエクスポートを作成したときのパスフレーズを入力します。', 'Type the passphrase the transfer export was made with.'),
  groups: text('読み込む項目', 'What to import'),
  activation: text('開局・登録情報', 'Activation and registration'),
  activationGuide: text('activation.ini の設定とオプション装置を読み込みます。', "activation.ini's settings and the option devices."),
  routes: text('通報手段', 'Routes'),
  routesGuide: text('routes.ini の設定とセンターの証明書を読み込みます。', "routes.ini's settings and the center certificate."),
  schedule: text('スケジュール', 'Schedule'),
  scheduleGuide: text('schedule.ini の設定を読み込みます。', "schedule.ini's settings."),
  definitions: text('定義ファイル', 'Definition files'),
  definitionsGuide: text('WebReprt フォルダの定義ファイルをそのまま読み込みます。', 'The WebReprt definition files, byte for byte.'),
  otherMachine: text('別の装置(製造番号)のエクスポートも読み込む', "Import another machine's (serial number's) export too"),
  otherMachineGuide: text(
    '製造番号の異なる装置のエクスポートから、識別情報とセンターの証明書も読み込みます。',
    "Takes the identity and the center certificate from another serial number's export too.",
  ),
  check: text('確認(K)', 'Check (K)'),
  preview: text('変更点', 'Changes'),
  show: text('表示', 'Show'),
  filters: {
    changes: text('変更される項目のみ', 'What changes'),
    all: text('すべて', 'Everything'),
    same: text('同じ項目', 'The same'),
    kept: text('保持される項目', 'What is kept'),
  },
  status: {
    changed: text('変更', 'changed'),
    added: text('追加', 'added'),
    same: text('同じ', 'same'),
    'kept secret': text('パスワード保持', 'kept secret'),
    kept: text('保持', 'kept'),
  },
  head: { item: text('項目', 'Setting'), status: text('結果', 'Result'), from: text('現在', 'Now'), to: text('インポート後', 'After') },
  count: (n: number) => text(`${n} 件の変更があります。OK で保存します。`, `${n} change(s). OK saves them.`),
  nothing: text('変更はありません。', 'Nothing to change.'),
};
