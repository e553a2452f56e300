/**
 * Definition files (file:line is always given).
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_4001-4031.
 */
import { type MessageDef } from '../message-def.js';

export const definitionFilesMessages = {
  ER_4001: {
    kind: 'definition',
    ja: 'セクション名 [{section}] は使用できません。[Tool001]~[Tool999] の 3 桁の番号で指定してください。',
    en: 'Section [{section}] is not allowed: use [Tool001] to [Tool999], a three-digit number.',
  },
  ER_4002: { kind: 'warning', ja: '未知のセクション [{section}] です(内容はそのまま保持されます)。', en: 'Unknown section [{section}] (kept as it is).' },
  ER_4003: { kind: 'definition', ja: '必須のセクション [{section}] がありません。', en: 'The required section [{section}] is missing.' },
  ER_4004: { kind: 'definition', ja: 'セクション [{section}] に必須のキー {key} がありません。', en: 'Section [{section}] lacks the required key {key}.' },
  ER_4005: {
    kind: 'definition',
    ja: 'URL は 500 文字以内で記載してください(現在 {length} 文字)。',
    en: 'The URL must be at most 500 characters (it has {length}).',
  },
  ER_4006: {
    kind: 'definition',
    ja: 'URL「{value}」は半角英数字と記号による https:// または http:// で始まる URL で記載してください。',
    en: 'The URL "{value}" must be an https:// or http:// URL of half-width letters, digits and symbols.',
  },
  ER_4007: {
    kind: 'definition',
    ja: 'イベント ID「{value}」は 0x で始まる 8 桁の 16 進数(32 ビットすべて。例: 0xC0040006)または * で記載してください。',
    en: 'Event ID "{value}" must be 0x followed by 8 hex digits (all 32 bits, for example 0xC0040006) or *.',
  },
  ER_4008: { kind: 'definition', ja: '{key} が空です。ソース名または * を記載してください。', en: '{key} is empty: give a source name or *.' },
  ER_4009: {
    kind: 'definition',
    ja: '{key} に対応する {pair} がありません。SourceNameXX と EventIDXX は同じ番号で対にしてください。',
    en: '{key} has no matching {pair}: SourceNameXX and EventIDXX go in pairs with the same number.',
  },
  ER_4010: { kind: 'definition', ja: 'キー {key} の番号は 01~99 の 2 桁で指定してください。', en: 'The number in {key} must be two digits from 01 to 99.' },
  ER_4011: { kind: 'definition', ja: '{key} は絶対パスで記載してください(「{value}」)。', en: '{key} must be an absolute path ("{value}").' },
  ER_4012: {
    kind: 'definition',
    ja: 'Command に引数は指定できません(「{value}」)。引数が必要な場合はバッチファイル等を作成して指定してください。パスに空白を含む場合は "" で囲んでください。',
    en: 'Command cannot take arguments ("{value}"). Put the arguments in a batch file or script and give its path; quote a path that contains spaces.',
  },
  ER_4013: {
    kind: 'definition',
    ja: 'Command にリダイレクトは指定できません(「{value}」)。必要な場合はバッチファイル等の中で指定してください。',
    en: 'Command cannot contain a redirection ("{value}"). Redirect inside a batch file or script instead.',
  },
  ER_4014: {
    kind: 'definition',
    ja: '{key} は 0 以上 {max} 以下の整数で記載してください(「{value}」)。',
    en: '{key} must be a whole number from 0 to {max} ("{value}").',
  },
  ER_4015: {
    kind: 'definition',
    ja: 'ScheduleType は every month または every week を記載してください(「{value}」)。',
    en: 'ScheduleType must be "every month" or "every week" ("{value}").',
  },
  ER_4016: {
    kind: 'definition',
    ja: 'ScheduleDay は {type} の場合 {min}~{max} で記載してください(「{value}」)。',
    en: 'ScheduleDay must be {min} to {max} for {type} ("{value}").',
  },
  ER_4017: {
    kind: 'definition',
    ja: 'ScheduleTime は HH:MM(時 0~23、分 0~59)で記載してください(「{value}」)。',
    en: 'ScheduleTime must be HH:MM (hours 0-23, minutes 0-59) ("{value}").',
  },
  ER_4018: {
    kind: 'definition',
    ja: 'この行を解釈できません: 「{value}」。[セクション]、キー=値、または ; で始まるコメントを記載してください。',
    en: 'This line cannot be understood: "{value}". Write a [section], a key=value pair or a comment starting with ;.',
  },
  ER_4019: {
    kind: 'definition',
    ja: 'セクション [{section}] が重複しています(最初は {first} 行目)。',
    en: 'Section [{section}] appears twice (first on line {first}).',
  },
  ER_4020: { kind: 'definition', ja: 'キー {key} が重複しています(最初は {first} 行目)。', en: 'Key {key} appears twice (first on line {first}).' },
  ER_4021: { kind: 'definition', ja: 'キー {key} がセクションの外にあります。', en: 'Key {key} is outside any section.' },
  ER_4022: { kind: 'definition', ja: '必須のファイル {path} がありません。', en: 'The required file {path} is missing.' },
  ER_4023: {
    kind: 'warning',
    ja: 'このファイルには {encoding} として正しくないバイトがあります。変更すると元のバイトは保持されません。',
    en: 'This file has bytes that are not valid {encoding}; they will not survive if the file is changed.',
  },
  ER_4024: {
    kind: 'definition',
    ja: '[{section}] に対象のイベント(SourceNameXX/EventIDXX)がありません。',
    en: '[{section}] names no event (SourceNameXX / EventIDXX).',
  },
  ER_4025: { kind: 'warning', ja: '未知のキー {key} です(内容はそのまま保持されます)。', en: 'Unknown key {key} (kept as it is).' },
  ER_4026: {
    kind: 'definition',
    ja: '{key} の値「{value}」は {label}として正しくありません: {reason}',
    en: '{key} = "{value}" is not a valid {label}: {reason}',
  },
  ER_4027: { kind: 'definition', ja: '{key} の引用符が閉じていません(「{value}」)。', en: '{key} has an unclosed quotation mark ("{value}").' },
  ER_4028: { kind: 'definition', ja: 'Command を指定する場合は Directory も指定してください。', en: 'A Command needs a Directory (the folder it runs in).' },
  ER_4029: {
    kind: 'definition',
    ja: '{key} の * はすべてのイベント ID を表します。他のイベント ID と並べて記載しないでください(「{value}」)。',
    en: 'In {key}, * already means every event ID: do not list it with other IDs ("{value}").',
  },
  ER_4030: {
    kind: 'definition',
    ja: '{key} の閉じた引用符の後に文字があります(「{value}」)。値全体を "..." で囲んでください。',
    en: '{key} has text after the closing quotation mark ("{value}"). Enclose the whole value in double quotes.',
  },
  ER_4031: {
    kind: 'definition',
    ja: '{path} は {encoding} で保存されています。{encoding} には対応していません。Shift_JIS または UTF-8 で保存し直してください。',
    en: '{path} is saved as {encoding}, which is not supported: save it as Shift_JIS or UTF-8.',
  },
} satisfies Record<string, MessageDef>;
