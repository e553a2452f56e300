/**
 * The definition files we ship, commented in Japanese and English; values are the manual's defaults.
 * They are also the starting point of a file written from scratch (encodeX without a document).
 */
import { type Eol } from '../ini/document.js';

/** A placeholder centre: `.invalid` never resolves (RFC 6761), so nothing is sent before a real key file is read. */
export const PLACEHOLDER_CENTER_URL = 'https://report.example.invalid/Scripts/trsRecvAlert.cgi';

const join = (lines: readonly string[], eol: Exclude<Eol, ''>): string => lines.map((l) => l + eol).join('');

export function defaultAdrText(eol: Exclude<Eol, ''> = '\r\n'): string {
  return join(
    [
      '; AMHTPADR.INF - 宛先定義ファイル / destination definition file (Express Report Service (HTTPS))',
      '; 保守サービス会社からの指示がある場合を除いて変更しないでください。',
      '; Do not change this file unless your maintenance company tells you to.',
      ';',
      '; [URL1] 一次通報先。必ず記載してください。 / Primary destination (required).',
      '; [URL2] 二次通報先。設定しない場合は記載不要です。 / Secondary destination (optional; leave it out if unused).',
      '; URL=   https:// または http:// で始まる 500 文字以内の半角英数字・記号。',
      ';        An https:// or http:// URL of at most 500 half-width letters, digits and symbols.',
      '[URL1]',
      `URL= ${PLACEHOLDER_CENTER_URL}`,
    ],
    eol,
  );
}

const COLLECTION = [
  '[Configuration]',
  '; TimeOut: ログ採取を中断するまでの秒数(すべてのコマンドの合計)。0 = タイムアウトしない。既定値 600。',
  ';          Seconds before collection is cut short (all commands together); 0 = no limit. Default 600.',
  'TimeOut=600',
  '; MaxSize: 添付可能な最大ログサイズ(KB)。0 = 自動(おおよそ 700MB~1GB)。既定値 0。',
  ';          Largest log archive to attach, in KB; 0 = automatic (about 700 MB to 1 GB). Default 0.',
  'MaxSize=0',
];

const TOOL_KEYS_HELP = [
  '; Command:   ログ採取コマンドの絶対パス。引数・リダイレクトは指定できません(必要ならバッチファイルに記載)。',
  ';            Absolute path of the collecting command; no arguments, no redirection (put them in a batch file).',
  '; LogFile:   採取するログファイルまたはフォルダーの絶対パス(フォルダーはサブフォルダーも含めすべて採取)。',
  ';            Absolute path of the log file or folder to collect (a folder is collected whole, sub-folders included).',
  '; Directory: コマンドを実行するフォルダーの絶対パス(Command を指定する場合は必須)。',
  ';            Absolute path of the folder the command runs in (required with a Command).',
  ';            例 / example: Command="c:\\tools\\collect.bat"',
];

export function defaultLogText(eol: Exclude<Eol, ''> = '\r\n'): string {
  return join(
    [
      '; AMHTPLOG.INF - HTTPS 定義ファイル(トラブル発生時のログ収集/ログ通報機能)',
      ';                log collection on trouble: logs are collected and sent with the failure report',
      '; 保守サービス会社からの指示がある場合を除いて、既定値から変更しないでください。',
      '; Do not change the defaults unless your maintenance company tells you to.',
      '',
      ...COLLECTION,
      '',
      '[DefaultTools]',
      '; [ToolYYY] に該当しないイベントで使用するコマンド。Command が空なら [ToolYYY] のイベントだけ採取します。',
      '; Used for events no [ToolYYY] names. With no Command, only [ToolYYY] events collect logs.',
      ...TOOL_KEYS_HELP,
      'Command=',
      'LogFile=',
      'Directory=',
      '',
      '; [NoneTrouble]: コマンドを実行しないイベント。SourceNameXX と EventIDXX(XX は 01~99)を対で記載します。',
      ';   Events for which no command runs: SourceNameXX and EventIDXX pairs (XX = 01 to 99).',
      ';   SourceNameXX: ソース名(* = すべて) / the event source (* = every source)',
      ';   EventIDXX:    0x で始まる 8 桁の 16 進数をカンマ区切り(* = すべて) / 0x + 8 hex digits, comma-separated (* = all)',
      ';   例 / example: SourceName01=atapi',
      ';                 EventID01=0xc0040006,0xc0040007',
      '[NoneTrouble]',
      '',
      '; [Tool001]~[Tool999]: イベントごとの採取コマンド。SourceNameXX/EventIDXX と Command/LogFile/Directory を記載します。',
      ';   一致するすべての [ToolYYY] が実行されます。[NoneTrouble] に * があっても [ToolYYY] のイベントは採取されます。',
      '; [Tool001] to [Tool999]: per-event commands, with SourceNameXX/EventIDXX and Command/LogFile/Directory.',
      ';   Every matching [ToolYYY] runs; [ToolYYY] events are collected even when [NoneTrouble] says *.',
    ],
    eol,
  );
}

export function defaultHbiText(eol: Exclude<Eol, ''> = '\r\n'): string {
  return join(
    [
      '; AMHTPHBI.INF - 構成情報定義ファイル(スケジュールによる構成情報通報機能)',
      ';                scheduled configuration information: collected and sent on a schedule',
      '; 保守サービス会社からの指示がある場合を除いて、既定値から変更しないでください。',
      '; Do not change the defaults unless your maintenance company tells you to.',
      '',
      ...COLLECTION,
      '',
      '[Tools]',
      '; Command が空の場合はツールを実行しません。 / An empty Command runs nothing.',
      ...TOOL_KEYS_HELP,
      'Command=',
      'LogFile=',
      'Directory=',
      '',
      '[Schedule]',
      '; ScheduleType: every month(毎月)または every week(毎週) / every month or every week',
      '; ScheduleDay:  every month は 1~31 の日付、every week は 0(日曜日)~6(土曜日)',
      ';               1-31 (day of the month) for every month; 0 (Sunday) to 6 (Saturday) for every week',
      '; ScheduleTime: HH:MM(時 0~23、分 0~59) / hours 0-23, minutes 0-59',
      'ScheduleType=every month',
      'ScheduleDay=1',
      'ScheduleTime=03:00',
    ],
    eol,
  );
}
