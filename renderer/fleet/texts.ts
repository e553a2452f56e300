/** The words of ファイル → 一括準備 (docs/fleet.md, "In the window"). */
import { text, type LocalizedText } from '../../shared/messages/text.js';
import { type FleetRow } from '../../shared/host/api.js';

export const FLEET_TEXT = {
  title: text('一括準備', 'Fleet preparation'),
  intro: text(
    'CSV の 1 行が 1 台のサーバです。確認で全行を検査し(何も書き込みません)、OK でエラーのない行だけを出力先に書き込みます。',
    'One CSV row is one server. 確認 checks every row (nothing is written); OK writes only the rows without errors into the output folder.',
  ),
  csv: text('CSV ファイル', 'CSV file'),
  csvBrowse: text('参照(V)…', 'Browse (V)…'),
  keys: text('開局キーファイル', 'Key files'),
  keysBrowse: text('参照(Y)…', 'Browse (Y)…'),
  keysNote: text('activation 列の keyfile:名前 で使うファイルをすべて選んでください。', 'Choose every file the activation column names as keyfile:NAME.'),
  baseBrowse: text('参照(W)…', 'Browse (W)…'),
  base: text('共通設定', 'Base'),
  current: text('現在の設定(U)', 'The current settings (U)'),
  exportFile: text('エクスポートファイル(X)', 'An export file (X)'),
  out: text('出力先フォルダ(O)', 'Output folder (O)'),
  outNote: text(
    'このコンピュータ上のフォルダのパス。サーバごとのフォルダと fleet-result.csv を書き込みます。',
    'A folder path on this computer; each server gets a folder in it, plus fleet-result.csv.',
  ),
  check: text('確認(C)…', 'Check (C)…'),
  preview: text('確認結果', 'Check result'),
  errorsOnly: text('エラーの行のみ表示(R)', 'Show only rows with errors (R)'),
  counts: (c: { total: number; new: number; replace: number; warning: number; error: number }): LocalizedText =>
    text(
      `${c.total} 行: 新規 ${c.new}、置き換え ${c.replace}、警告 ${c.warning}、エラー ${c.error}`,
      `${c.total} rows: ${c.new} new, ${c.replace} replace, ${c.warning} warning, ${c.error} error`,
    ),
  head: {
    line: text('行', 'Line'),
    status: text('結果', 'Result'),
    serial: text('製造番号', 'Serial'),
    serverName: text('サーバ名称', 'Server name'),
    folder: text('フォルダ', 'Folder'),
    schedule: text('構成情報通報', 'Configuration information'),
    problems: text('内容', 'Problems'),
  },
  status: {
    new: text('新規', 'new'),
    replace: text('置き換え', 'replace'),
    warning: text('警告', 'warning'),
    error: text('エラー', 'error'),
  } satisfies Record<FleetRow['status'], LocalizedText>,
  nothingToWrite: text('書き込める行がありません。', 'No row can be written.'),
};
