/** Messages of the sources part (merged into the one catalogue in ../catalogue.ts; codes are stable, never reused). */
import { type MessageDef } from '../message-def.js';

export const sourcesMessages = {
  // ---- internal: an event source or the heartbeat schedule cannot do its work
  ER_1400: {
    kind: 'internal',
    ja: 'イベントの読み取りプロセス {command} が終了しました({reason})。{seconds} 秒後に再起動します。',
    en: 'The event reader {command} stopped ({reason}). It is restarted in {seconds} s.',
  },
  ER_1401: {
    kind: 'internal',
    ja: 'ログファイル {path} を読み込めません: {reason}。ファイルが変更されたときに再度読み込みます。',
    en: 'Cannot read the log file {path}: {reason}. It is read again when the file changes.',
  },
  ER_1402: { kind: 'internal', ja: 'ログファイル {path} を監視できません: {reason}', en: 'Cannot watch the log file {path}: {reason}' },
  ER_1403: {
    kind: 'internal',
    ja: '構成情報通報({time} の予定分)を開始できませんでした: {reason}。次回の予定は {next} です。',
    en: 'The configuration information due at {time} could not be started: {reason}. The next one is due at {next}.',
  },
  ER_1404: {
    kind: 'internal',
    ja: '構成情報通報の実行記録 {path} を保存できません: {reason}',
    en: 'Cannot save the configuration information record {path}: {reason}',
  },
  ER_1405: {
    kind: 'internal',
    ja: '構成情報通報の実行記録 {path} を読めないため、前回の実行時刻が不明として扱います: {reason}',
    en: 'The configuration information record {path} cannot be read, so the last run is taken as unknown: {reason}',
  },
  ER_1406: {
    kind: 'internal',
    ja: '{source} のイベントを通報サービスに渡せませんでした: {reason}',
    en: 'An event from {source} could not be handed to the reporting service: {reason}',
  },

  // ---- information and warnings
  ER_6400: {
    kind: 'information',
    ja: 'systemd ジャーナルを読めないため監視しません({reason})。syslog ファイルやイベント投入フォルダは引き続き使用できます。',
    en: 'The systemd journal cannot be read, so it is not watched ({reason}). Syslog files and the drop folder still work.',
  },
  ER_6401: {
    kind: 'warning',
    ja: '{source} でイベントとして読めない行を {count} 行読み飛ばしました(例: {sample})。',
    en: 'Skipped {count} line(s) of {source} that are not events (for example: {sample}).',
  },
  ER_6402: { kind: 'information', ja: 'イベントの監視を開始しました: {source}', en: 'Watching for events: {source}' },
  ER_6403: {
    kind: 'information',
    ja: 'ログファイル {path} はまだありません。作成されたときに監視を開始します。',
    en: 'The log file {path} does not exist yet. It is watched from when it appears.',
  },
  ER_6404: {
    kind: 'information',
    ja: 'ログファイル {path} が切り替えられました({how})。新しいファイルを先頭から読み込みます。',
    en: 'The log file {path} was rotated ({how}). The new file is read from its start.',
  },
  ER_6405: {
    kind: 'information',
    ja: '{time} に予定されていた構成情報通報はサービスの停止中に実行されなかったため、今から実行します。',
    en: 'The configuration information due at {time} was missed while the service was stopped: it is sent now.',
  },
  ER_6406: { kind: 'information', ja: '次の構成情報通報は {time} です。', en: 'The next configuration information is due at {time}.' },
  ER_6407: {
    kind: 'information',
    ja: '構成情報通報のスケジュールがないため、定期通報は行いません。',
    en: 'There is no configuration information schedule: nothing is sent on a schedule.',
  },
  ER_6408: { kind: 'information', ja: '構成情報通報 {id} を受け付けました({why})。', en: 'Configuration information report {id} accepted ({why}).' },
} as const satisfies Record<string, MessageDef>;
