/**
 * Internal: the reporting service's own process (already running, spool and drop-folder files it cannot use, unexpected
 * failures, the local API's limits, watching the config folder).
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_1030-1061.
 */
import { type MessageDef } from '../message-def.js';

export const internalServiceMessages = {
  ER_1030: {
    kind: 'internal',
    ja: '通報サービスは既に起動しています(状態フォルダ {path}、プロセス {pid})。',
    en: 'The reporting service is already running (state folder {path}, process {pid}).',
  },
  ER_1031: {
    kind: 'internal',
    ja: '変更された設定に誤りがあるため、直前の正しい設定で動作を続けます({count} 件)。',
    en: 'The changed settings have {count} problem(s): the service keeps running with the last good settings.',
  },
  ER_1032: {
    kind: 'internal',
    ja: '通報サービスが起動していません(状態フォルダ {path})。express-report service で起動してください。',
    en: 'The reporting service is not running (state folder {path}). Start it with express-report service.',
  },
  ER_1050: {
    kind: 'internal',
    ja: '通報ファイル {path} は使用できないため {moved} に移動しました({reason})。この通報は送信されません。',
    en: 'The spool file {path} cannot be used ({reason}); it was moved to {moved} and will not be sent.',
  },
  ER_1051: {
    kind: 'internal',
    ja: '通報手段 {route} で予期しないエラーが発生しました: {reason}。通報は保持され、再送されます。',
    en: 'The {route} route failed unexpectedly: {reason}. The report is kept and will be tried again.',
  },
  ER_1052: {
    kind: 'internal',
    ja: '通報 {id} の送信結果を保存できません: {reason}。通報は保持され、{minutes} 分後に再度処理します。',
    en: 'The outcome of report {id} cannot be saved: {reason}. The report is kept and handled again in {minutes} minutes.',
  },
  ER_1033: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} はイベントとして読めないため rejected/{moved} に移しました: {reason}',
    en: 'The drop-folder file {path} is not a valid event and was moved to rejected/{moved}: {reason}',
  },
  ER_1035: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} を受け付けられません: {reason}。ファイルは投入フォルダに残し、自動的に再試行します(最初は {seconds} 秒後、以後は間隔を延ばして最長 {max} 秒ごと)。この問題は 1 回だけ記録します。',
    en: 'The drop-folder file {path} cannot be accepted now: {reason}. It stays in the drop folder and is tried again by itself (after {seconds} s, then less often, at least every {max} s); this is logged once.',
  },
  ER_1036: {
    kind: 'internal',
    ja: '投入フォルダ {path} を読み込めないか監視できません: {reason}。自動的に再試行します(最初は {seconds} 秒後、以後は間隔を延ばして最長 {max} 秒ごと)。この問題は 1 回だけ記録します。',
    en: 'The drop folder {path} cannot be read or watched: {reason}. It is tried again by itself (after {seconds} s, then less often, at least every {max} s); this is logged once.',
  },
  ER_1037: {
    kind: 'internal',
    ja: '投入フォルダの {path} は通常のファイルではない({type})ため、開かずに rejected/{moved} に移しました。',
    en: 'The drop-folder entry {path} is a {type}, not a regular file: it was not opened and was moved to rejected/{moved}.',
  },
  ER_1038: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} は {limit} バイトを超えている({size} バイト)ため、読み込まずに rejected/{moved} に移しました。',
    en: 'The drop-folder file {path} is larger than {limit} bytes ({size} bytes): it was not read and was moved to rejected/{moved}.',
  },
  ER_1039: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} を{action}できません({why}): {reason}。ファイルはそのまま残し、変更されるまで再度読み込みません。',
    en: 'The drop-folder file {path} could not be {action} ({why}): {reason}. It is left in place and not read again until it changes.',
  },
  ER_1040: {
    kind: 'internal',
    ja: '予期しない内部エラーが発生しました: {reason}。通報サービスは動作を続けます。',
    en: 'An unexpected internal failure occurred: {reason}. The reporting service keeps running.',
  },
  ER_1041: {
    kind: 'internal',
    ja: '予期しない内部エラーのため通報サービスを終了します: {reason}。再度起動してください(監視プログラムがあれば再起動されます)。',
    en: 'An unexpected internal failure ends the reporting service: {reason}. Start it again (a supervisor restarts it).',
  },
  ER_1042: {
    kind: 'internal',
    ja: '通報サービスは起動できず、{seconds} 秒後も終了処理が完了しないため、プロセスを終了します。',
    en: 'The reporting service did not start, and {seconds} s later something it had opened still held the process: the process ends now.',
  },
  ER_1043: {
    kind: 'internal',
    ja: '通報サービスの一部を停止できませんでした: {reason}。残りの停止処理は続行しました。',
    en: 'A part of the reporting service failed to stop: {reason}. The rest was stopped.',
  },
  ER_1044: {
    kind: 'internal',
    ja: 'ローカル API の接続数が上限 {limit} に達したため、待機中の古い接続を {count} 本切断しました。ローカルのプログラムが接続を開いたままにしている可能性があります。',
    en: 'The local API reached its limit of {limit} connections: {count} idle connection(s) were closed to make room. A local program may be holding connections open.',
  },
  ER_1045: {
    kind: 'internal',
    ja: 'ローカル API への要求 {request} の本文が {limit} バイトを超えるため拒否しました。',
    en: 'The local API refused the request {request}: its body is larger than {limit} bytes.',
  },
  ER_1034: {
    kind: 'internal',
    ja: '通報サービスへの要求 {request} が失敗しました: {reason}',
    en: 'The reporting service could not handle {request}: {reason}',
  },
  ER_1060: {
    kind: 'internal',
    ja: '設定フォルダ {path} がありません(削除されたか置き換え中です)。直前の正しい設定で動作を続け、フォルダが戻ると監視を再開して読み込みます。',
    en: 'The config folder {path} is missing (removed, or being replaced): the service keeps running with the last good settings, and watches and reads the folder again once it is back.',
  },
  ER_1061: {
    kind: 'internal',
    ja: 'フォルダ {path} を監視できません: {reason}。変更はすぐには適用されません。自動的に再試行します(最初は 1 秒後、以後は間隔を延ばして最長 30 秒ごと)。',
    en: 'The folder {path} cannot be watched: {reason}. Changes are not applied at once; watching is tried again by itself (after 1 s, then less often, at least every 30 s).',
  },
} satisfies Record<string, MessageDef>;
