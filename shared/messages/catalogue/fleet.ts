/**
 * Messages of the fleet preparation from CSV (issue 14; docs/fleet.md; merged into the one catalogue in ../catalogue.ts;
 * codes are stable, never reused). ER_3600-3699 input, ER_6820-6839 warnings and information.
 */
import { type MessageDef } from '../message-def.js';

export const fleetMessages = {
  // ---- the CSV as a whole (nothing is written while one of these stands)
  ER_3600: {
    kind: 'validation',
    ja: 'CSV ファイル {file} の文字コードを判別できません({reason})。UTF-8 または Shift_JIS で保存してください。',
    en: 'The CSV file {file} is in no encoding we read ({reason}). Save it as UTF-8 or Shift_JIS.',
  },
  ER_3601: {
    kind: 'validation',
    ja: 'CSV の形式が正しくありません: {reason}。',
    en: 'The CSV is malformed: {reason}.',
  },
  ER_3602: {
    kind: 'validation',
    ja: 'CSV ファイル {file} に見出し行がありません(1 行目に列名を書いてください)。',
    en: 'The CSV file {file} has no header line (the column names go on line 1).',
  },
  ER_3603: {
    kind: 'validation',
    ja: 'CSV の行数 {count} が上限 {limit} を超えています。ファイルを分けてください。',
    en: 'The CSV has {count} rows, more than the limit of {limit}. Split the file.',
  },
  ER_3604: {
    kind: 'validation',
    ja: '列 {column} は使えません(固定の列名でも設定キーでもありません)。列名は docs/fleet.md を参照してください。',
    en: 'Column {column} is unknown (neither one of the fixed columns nor a setting key; see docs/fleet.md).',
  },
  ER_3605: {
    kind: 'validation',
    ja: '列 {column} はパスワードです。パスワードは CSV に書かないでください(各サーバで config set --stdin で設定します)。',
    en: 'Column {column} is a secret. Secrets never go into a CSV (set them on each server with config set --stdin).',
  },
  ER_3606: {
    kind: 'validation',
    ja: '列 {column} が見出し行に 2 回以上あります。',
    en: 'Column {column} appears more than once in the header.',
  },
  ER_3607: {
    kind: 'validation',
    ja: '必須の列 {column} が見出し行にありません。',
    en: 'The required column {column} is not in the header.',
  },
  ER_3608: {
    kind: 'validation',
    ja: '列の数が {count} です(見出し行は {expected} 列)。',
    en: 'This row has {count} fields; the header has {expected}.',
  },
  ER_3609: {
    kind: 'validation',
    ja: '製造番号 {serial} は {other} 行目と重複しています。',
    en: 'Serial number {serial} is also on line {other}.',
  },
  ER_3610: {
    kind: 'validation',
    ja: '開局方法 {value} が正しくありません。keycode:NNNNN(通報開局キーコード 5 桁)または keyfile:ファイル名 と書いてください。',
    en: 'Activation {value} is not understood. Write keycode:NNNNN (the 5-digit key code) or keyfile:NAME.',
  },
  ER_3611: {
    kind: 'validation',
    ja: '開局キーファイル {name} が {dir} にありません。',
    en: 'The key file {name} is not in {dir}.',
  },
  ER_3612: {
    kind: 'validation',
    ja: '開局キーファイル {name} を使えません: {reason}',
    en: 'The key file {name} cannot be used: {reason}',
  },
  ER_3613: {
    kind: 'validation',
    ja: '出力フォルダ名 {value} は使えません({reason})。',
    en: 'The output folder name {value} cannot be used ({reason}).',
  },
  ER_3614: {
    kind: 'validation',
    ja: '列 {column} は一括準備では設定できません({reason})。',
    en: 'Column {column} cannot be set by fleet preparation ({reason}).',
  },
  ER_3615: {
    kind: 'validation',
    ja: '共通設定 {base} に誤りがあります({count} 件)。先に直してください。',
    en: 'The base {base} has {count} problem(s); fix them first.',
  },
  ER_3616: {
    kind: 'validation',
    ja: '{column} が空です。',
    en: '{column} is empty.',
  },
  ER_3617: {
    kind: 'validation',
    ja: '出力フォルダ {value} は {other} 行目と同じです。',
    en: 'The output folder {value} is the same as on line {other}.',
  },
  ER_3618: {
    kind: 'validation',
    ja: '共通設定 {base} を読み込めません: {reason}',
    en: 'The base {base} cannot be read: {reason}',
  },
  ER_3619: {
    kind: 'validation',
    ja: '構成情報通報の時間帯 {value} が正しくありません。HH:MM-HH:MM(開始が終了より前)で指定してください。',
    en: 'The configuration information window {value} is not valid. Give HH:MM-HH:MM with the start before the end.',
  },
  ER_3620: {
    kind: 'validation',
    ja: '出力先フォルダを指定してください(--out)。',
    en: 'Give the output folder (--out).',
  },
  ER_3621: {
    kind: 'validation',
    ja: '開局キーファイル {name} のサーバ名称({serverName})が server_name({value})と違います。このサーバの開局キーファイルを指定するか、server_name を直してください。',
    en: "The key file {name} is for server {serverName}, not {value}. Name this server's key file, or correct server_name.",
  },
  // ---- warnings (the row is written; worth a look)
  ER_6820: {
    kind: 'warning',
    ja: '装置コード {value} は一覧にありません。正しいか確認してください。',
    en: 'Device code {value} is not in the list. Check that it is right.',
  },
  ER_6821: {
    kind: 'warning',
    ja: 'サーバ名称 {value} は {other} 行目の {name} と紛らわしい名前です。',
    en: 'Server name {value} looks like {name} on line {other}.',
  },
  ER_6822: {
    kind: 'warning',
    ja: '共通設定のパスワード {keys} は引き継がれません。各サーバで config set --stdin で設定してください。',
    en: "The base's secrets {keys} are not carried over. Set them on each server with config set --stdin.",
  },
  ER_6826: {
    kind: 'warning',
    ja: '開局キーファイル {name} の製造番号({keySerial})が serial({value})と違います。登録されるのは serial の値です。',
    en: 'The key file {name} names serial {keySerial}, not {value}. The serial column is what is registered.',
  },
  // ---- information
  ER_6823: {
    kind: 'information',
    ja: '{total} 行を検査しました: 新規 {new}、置き換え {replace}、警告 {warning}、エラー {error}。',
    en: '{total} row(s) checked: {new} new, {replace} replace, {warning} warning, {error} error.',
  },
  ER_6824: {
    kind: 'information',
    ja: '{written} 台分のフォルダを {out} に書き込みました(エラーの {skipped} 行は書き込んでいません)。結果: {csv}',
    en: '{written} server folder(s) written to {out} ({skipped} row(s) with errors not written). Result: {csv}',
  },
  ER_6825: {
    kind: 'information',
    ja: 'CSV 全体の誤りのため、何も書き込んでいません。',
    en: 'Nothing was written: the CSV as a whole has problems.',
  },
} satisfies Record<string, MessageDef>;
