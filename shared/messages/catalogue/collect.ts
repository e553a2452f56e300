/** Messages of the collect part (merged into the one catalogue in ../catalogue.ts; codes are stable, never reused). */
import { type MessageDef } from '../message-def.js';

export const collectMessages = {
  // ---- internal: a command or a log file the service could not use
  ER_1300: {
    kind: 'internal',
    ja: 'ログ採取コマンド {command}([{section}])を起動できません: {reason}',
    en: 'The log command {command} ([{section}]) cannot be started: {reason}',
  },
  ER_1301: {
    kind: 'internal',
    ja: 'ログ {path} を開けないため添付しませんでした: {reason}',
    en: 'The log {path} could not be opened and is not attached: {reason}',
  },
  ER_1302: {
    kind: 'internal',
    ja: 'ログ {path} を最後まで読めなかったため、読めた {bytes} バイトだけを添付しました: {reason}',
    en: 'The log {path} could not be read to the end; only the first {bytes} bytes are attached: {reason}',
  },
  ER_1303: {
    kind: 'internal',
    ja: 'ログ {path} のフォルダーを読めないため、その中のファイルは添付していません: {reason}',
    en: 'The folder {path} could not be listed; the files in it are not attached: {reason}',
  },
  ER_1304: { kind: 'internal', ja: 'ログの圧縮ファイルを作成できません: {reason}', en: 'The log archive could not be made: {reason}' },

  // ---- definition files and permissions: what is refused, and why
  ER_4300: {
    kind: 'definition',
    ja: '定義ファイル {file} は、{reason}ため信頼できません。ログ採取コマンドを実行せず、ログも添付しません。ファイルとそのフォルダーの所有者を root にし、グループと他のユーザーの書き込み権を外してください。',
    en: "The definition file {file} cannot be trusted: {reason}. No log command runs and no log is attached. Make root the owner of the file and its folders, and remove the group and others' write permission.",
  },
  ER_4301: {
    kind: 'definition',
    ja: 'ログ採取コマンド {command}([{section}])は、{reason}ため実行しません。コマンドとそのフォルダーの所有者を root にし、グループと他のユーザーの書き込み権を外してください。',
    en: "The log command {command} ([{section}]) is not run: {reason}. Make root the owner of the command and its folders, and remove the group and others' write permission.",
  },
  ER_4302: {
    kind: 'definition',
    ja: '[{section}] の {key}「{value}」は絶対パスではないため使用しません。',
    en: '[{section}] {key} "{value}" is not an absolute path and is not used.',
  },
  ER_4303: {
    kind: 'definition',
    ja: '[{section}] の Command を実行するには Directory(実行フォルダー)が必要です。コマンド {command} は実行しません。',
    en: '[{section}] has no Directory to run its Command in; {command} is not run.',
  },
  ER_4304: {
    kind: 'definition',
    ja: '[{section}] の実行フォルダー {directory} がないため、コマンド {command} を実行しません。',
    en: 'The working folder {directory} of [{section}] does not exist; {command} is not run.',
  },
  ER_4305: {
    kind: 'warning',
    ja: 'Windows では定義ファイル {file} とログ採取コマンドの所有者・アクセス権をこのプログラムでは確認していません。所有者を Administrators または SYSTEM にし、Users に書き込み権を与えないでください。',
    en: 'On Windows this program does not check the owner and permissions of {file} and of the log commands. Make Administrators or SYSTEM the owner and give Users no write permission.',
  },

  // ---- information: what the collection did (kept in the report's _collection.txt and in the service log)
  ER_6300: {
    kind: 'information',
    ja: 'イベント {source} {id} のログを {sections} で採取します。',
    en: 'Collecting logs for event {source} {id} with {sections}.',
  },
  ER_6301: {
    kind: 'information',
    ja: 'イベント {source} {id} は [NoneTrouble] に該当し、該当する [ToolYYY] もないため、ログを採取しません。',
    en: 'Event {source} {id} is listed in [NoneTrouble] and no [ToolYYY] names it: no logs are collected.',
  },
  ER_6302: {
    kind: 'information',
    ja: 'イベント {source} {id} に該当する [ToolYYY] がなく、[DefaultTools] に Command がないため、ログを採取しません。',
    en: 'No [ToolYYY] names event {source} {id} and [DefaultTools] has no Command: no logs are collected.',
  },
  ER_6303: {
    kind: 'information',
    ja: 'ログ採取コマンド {command}([{section}])が終了しました(終了コード 0、{seconds} 秒)。',
    en: 'The log command {command} ([{section}]) finished (exit code 0, {seconds} s).',
  },
  ER_6304: {
    kind: 'warning',
    ja: 'ログ採取コマンド {command}([{section}])が終了コード {code} で終了しました({seconds} 秒)。{detail}',
    en: 'The log command {command} ([{section}]) exited with code {code} ({seconds} s). {detail}',
  },
  ER_6305: {
    kind: 'warning',
    ja: 'ログ採取コマンド {command}([{section}])がシグナル {signal} で終了しました({seconds} 秒)。',
    en: 'The log command {command} ([{section}]) was ended by signal {signal} ({seconds} s).',
  },
  ER_6306: {
    kind: 'warning',
    ja: 'ログ採取の制限時間(TimeOut={timeout} 秒)を過ぎたため、ログ採取コマンド {command}([{section}])とその子プロセスを終了しました。',
    en: 'Log collection passed its time limit (TimeOut={timeout} s): the log command {command} ([{section}]) and its child processes were ended.',
  },
  ER_6307: {
    kind: 'warning',
    ja: 'ログ採取の制限時間(TimeOut={timeout} 秒)を過ぎたため、ログ採取コマンド {command}([{section}])は実行しませんでした。',
    en: 'Log collection passed its time limit (TimeOut={timeout} s): the log command {command} ([{section}]) was not run.',
  },
  ER_6308: {
    kind: 'warning',
    ja: 'サービスの停止により、ログ採取コマンド {command}([{section}])を中止しました。',
    en: 'The log command {command} ([{section}]) was stopped because the service is stopping.',
  },
  ER_6309: { kind: 'warning', ja: 'ログ {path} がありません。', en: 'The log {path} does not exist.' },
  ER_6310: {
    kind: 'warning',
    ja: '添付できる大きさ(MaxSize、{max} バイト)を超えるため、{count} 個のファイル(計 {bytes} バイト)を添付しませんでした。一覧は _truncated.txt にあります。',
    en: '{count} file(s) ({bytes} bytes in all) are not attached: they would pass the size limit (MaxSize, {max} bytes). _truncated.txt lists them.',
  },
  ER_6311: {
    kind: 'information',
    ja: '{path} は通常のファイルではないため添付しませんでした({kind})。',
    en: '{path} is not attached: it is not a regular file ({kind}).',
  },
  ER_1305: {
    kind: 'internal',
    ja: '通報 {id} のログ採取を完了できませんでした: {reason}。通報はログなしで送信します。',
    en: 'Collecting the logs of report {id} failed: {reason}. The report goes out without logs.',
  },
  ER_6312: { kind: 'information', ja: '通報 {id} のログ採取が終わりました(ログ {paths} 件)。', en: 'The logs of report {id} are collected ({paths} path(s)).' },
  ER_6313: {
    kind: 'information',
    ja: '通報 {id} のログ採取がサービスの停止で中断されていたため、採取し直します。',
    en: 'Collecting the logs of report {id} was cut short when the service stopped; collecting again.',
  },
} as const satisfies Record<string, MessageDef>;
