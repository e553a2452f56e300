/**
 * Messages of the settings export / import / diff (issue 14; docs/settings-transfer.md; merged into the one catalogue in
 * ../catalogue.ts; codes are stable, never reused). ER_3500-3599 input, ER_6800-6819 information.
 */
import { type MessageDef } from '../message-def.js';

export const settingsTransferMessages = {
  // ---- input: export
  ER_3500: {
    kind: 'validation',
    ja: '移行用のエクスポート(--scope transfer)にはパスフレーズのファイル(--passphrase-file)が必要です。何も書き込んでいません。',
    en: 'A transfer export (--scope transfer) needs a passphrase file (--passphrase-file). Nothing was written.',
  },
  ER_3501: {
    kind: 'validation',
    ja: 'パスフレーズのファイル {path} を使えません: {reason}。',
    en: 'The passphrase file {path} cannot be used: {reason}.',
  },
  ER_3502: {
    kind: 'validation',
    ja: '移行用のエクスポートにはパスワードを復号する通報サービスの鍵が必要です: {reason}。通報サービスと同じ権限(root/SYSTEM)で実行してください。',
    en: "A transfer export needs the service key to open the passwords: {reason}. Run it with the service's rights (root/SYSTEM).",
  },
  // ---- input: reading an export (import, diff)
  ER_3510: {
    kind: 'validation',
    ja: '{file} はエクスプレス通報の設定エクスポートではありません: {reason}。',
    en: '{file} is not an Express Report settings export: {reason}.',
  },
  ER_3511: {
    kind: 'validation',
    ja: '{file} が大きすぎます({size} バイト、上限 {limit} バイト)。読み込みませんでした。',
    en: '{file} is too large ({size} bytes, at most {limit}). It was not read.',
  },
  ER_3512: {
    kind: 'validation',
    ja: '{file} のエントリが多すぎます({count} 個、上限 {limit} 個)。読み込みませんでした。',
    en: '{file} has too many entries ({count}, at most {limit}). It was not read.',
  },
  ER_3513: {
    kind: 'validation',
    ja: '{file} のエントリ名 {name} は危険です(絶対パスまたはフォルダの外を指しています)。読み込みませんでした。',
    en: '{file} has an unsafe entry name {name} (absolute, or pointing outside its folder). It was not read.',
  },
  ER_3514: {
    kind: 'validation',
    ja: '{file} に不明なエントリ {name} があります。読み込みませんでした。',
    en: '{file} has an unknown entry {name}. It was not read.',
  },
  ER_3515: {
    kind: 'validation',
    ja: '{file} のエントリ {name} が大きすぎます({size} バイト、上限 {limit} バイト)。読み込みませんでした。',
    en: '{file}: the entry {name} is too large ({size} bytes, at most {limit}). It was not read.',
  },
  ER_3516: {
    kind: 'validation',
    ja: '{file} は改ざんまたは破損しています(エントリ {name} のダイジェストが一致しません)。読み込みませんでした。',
    en: '{file} was altered or damaged (the digest of {name} does not match). It was not read.',
  },
  ER_3517: {
    kind: 'validation',
    ja: '{file} は新しい形式 {version} です(この版が読めるのは {supported}.x まで)。新しい版の express-report で読み込んでください。',
    en: '{file} has a newer format {version} (this version reads {supported}.x). Read it with a newer express-report.',
  },
  ER_3518: {
    kind: 'validation',
    ja: 'パスフレーズが違います({file} を作成したときのパスフレーズを指定してください)。',
    en: 'Wrong passphrase (give the passphrase {file} was made with).',
  },
  ER_3519: {
    kind: 'validation',
    ja: '{file} は作成後に改ざんされています(パスフレーズは正しいが内容の署名が一致しません)。読み込みませんでした。',
    en: '{file} was altered after it was made (the passphrase is right but the contents do not match their seal). It was not read.',
  },
  ER_3520: {
    kind: 'validation',
    ja: '{file} は移行用のエクスポートです。暗号化されたパスワードを開くパスフレーズのファイル(--passphrase-file)を指定してください。',
    en: '{file} is a transfer export: give the passphrase file (--passphrase-file) that opens its passwords.',
  },
  ER_3521: {
    kind: 'validation',
    ja: '{file} に設定 {key} がありません。エクスポートにはすべての設定が必要です(現在の値を残すことはしません)。',
    en: '{file} lacks the setting {key}. An export must hold every setting (a missing one does not keep the current value).',
  },
  ER_3522: {
    kind: 'validation',
    ja: '{file} に不明な設定 {key} があります。',
    en: '{file} holds an unknown setting {key}.',
  },
  ER_3523: {
    kind: 'validation',
    ja: '--only の {value} は使えません。activation, routes, schedule, definitions をコンマで区切って指定してください。',
    en: '--only {value} is not allowed: give activation, routes, schedule, definitions separated by commas.',
  },
  ER_3524: {
    kind: 'validation',
    ja: 'エクスポートは製造番号 {from} の装置のもので、この装置は {to} です。識別情報は別の装置に読み込みません(承知の上なら --other-machine)。',
    en: 'The export is of the machine with serial {from}; this one is {to}. Its identity is not imported onto another machine (--other-machine if you mean it).',
  },
  ER_3525: {
    kind: 'validation',
    ja: '{file} の {what} を読めません: {reason}。',
    en: '{file}: cannot read {what}: {reason}.',
  },
  // ---- information
  ER_6800: {
    kind: 'information',
    ja: '設定をエクスポートしました: {path}({scope}、{entries} 個のエントリ)',
    en: 'Settings exported: {path} ({scope}, {entries} entries)',
  },
  ER_6801: {
    kind: 'information',
    ja: '設定をインポートしました: {file}({count} 件の変更)',
    en: 'Settings imported: {file} ({count} change(s))',
  },
  ER_6802: {
    kind: 'information',
    ja: '確認のみ(--dry-run): 何も書き込んでいません。{count} 件の変更があります。',
    en: 'Dry run (--dry-run): nothing was written. {count} change(s) would be made.',
  },
  ER_6803: {
    kind: 'information',
    ja: '変更はありません: {file} の内容はこの装置の設定と同じです。',
    en: 'Nothing to change: {file} holds what this machine already has.',
  },
  ER_6804: {
    kind: 'information',
    ja: '2 つのエクスポートの設定は同じです。',
    en: 'The two exports hold the same settings.',
  },
  ER_6805: {
    kind: 'information',
    ja: '2 つのエクスポートには {count} 件の違いがあります。',
    en: 'The two exports differ in {count} place(s).',
  },
  ER_6806: {
    kind: 'information',
    ja: 'センターの証明書は別の装置のものなので読み込みません(--other-machine で読み込みます)。',
    en: 'The center certificate belongs to another machine and is not imported (--other-machine imports it).',
  },
  ER_6807: {
    kind: 'information',
    ja: '個人情報 {count} 項目を含めていません(--personal include で含めます)。',
    en: '{count} personal field(s) left out (--personal include puts them in).',
  },
  ER_6808: {
    kind: 'information',
    ja: '状態は「設定済み」になりました。テスト通報(express-report test-notify)を行ってください。',
    en: 'The state is now configured: send a test notification next (express-report test-notify).',
  },
  ER_6809: {
    kind: 'information',
    ja: '個人情報 {count} 項目はエクスポートに含まれていないため、この装置の値のままです。',
    en: "{count} personal field(s) are not in the export and keep this machine's values.",
  },
} as const satisfies Record<string, MessageDef>;
