/**
 * Internal: the window and its host (HostApi over Electron IPC or serve's HTTP; shared/host/errors.ts), and the config
 * folder's lock a save waits for.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_1100-1103, and ER_1080 (listed after them).
 */
import { type MessageDef } from '../message-def.js';

export const windowHostMessages = {
  ER_1100: {
    kind: 'internal',
    ja: '設定画面から express-report serve に接続できません: {reason}。serve が動作しているか確認してください。終了していた場合は起動し直し、端末に表示された URL で画面を開き直してください。',
    en: 'The settings window cannot reach express-report serve: {reason}. Check that serve is still running; if it stopped, start it again and open the URL it prints.',
  },
  ER_1101: {
    kind: 'internal',
    ja: '画面の要求 {method} に対する応答を読めません: {reason}',
    en: "The answer to the window's {method} request cannot be read: {reason}",
  },
  ER_1102: {
    kind: 'internal',
    ja: 'express-report serve は画面の要求 {method} を受け付けませんでした({why})。serve を起動し直した場合は、端末に表示された新しい URL で画面を開き直してください。',
    en: "express-report serve refused the window's {method} request ({why}). If serve was started again, open the new URL it printed.",
  },
  ER_1103: { kind: 'internal', ja: '設定画面で予期しないエラーが発生しました: {reason}', en: 'An unexpected error occurred in the settings window: {reason}' },
  ER_1080: {
    kind: 'internal',
    ja: '設定フォルダ {path} は他のプロセス(ホスト {host}、プロセス {pid})が書き込み中です。{seconds} 秒待ちましたが終わらないため、何も保存していません。もう一度保存してください。そのプロセスが存在しない場合はロックファイル {lock} を削除してください。',
    en: 'The config folder {path} is being written by another process (host {host}, pid {pid}); waited {seconds} s and saved nothing. Save again; if no such process exists, remove the lock file {lock}.',
  },
} satisfies Record<string, MessageDef>;
