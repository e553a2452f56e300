/**
 * Messages of who runs the service (issue 15: `service --run-mode`, the system service, the child of the desktop app
 * or `serve`, the Windows installer). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_8200-8299.
 */
import { type MessageDef } from '../message-def.js';

export const runModeMessages = {
  ER_8200: {
    kind: 'warning',
    ja: 'システムサービス({where})はインストールされていますが停止しています。障害は通報されません。管理者として {command} で開始してください(子プロセスのサービスは起動しません)。',
    en: 'The system service ({where}) is installed but stopped: failures are not reported. Start it as an administrator with {command} (no child service is started instead).',
  },
  ER_8201: {
    kind: 'information',
    ja: '動作中の通報サービス(pid {pid}、{mode})を使用します。',
    en: 'Using the running reporting service (pid {pid}, {mode}).',
  },
  ER_8202: {
    kind: 'information',
    ja: 'システムサービスがないため、通報サービスを子プロセスとして起動しました(pid {pid})。このコマンドの終了時に停止します。',
    en: 'No system service is installed: the reporting service was started as a child (pid {pid}). It stops when this command ends.',
  },
  ER_8203: {
    kind: 'warning',
    ja: '子プロセスの通報サービスが終了しました({reason})。理由はサービスログ {path} を参照してください。',
    en: 'The child reporting service ended ({reason}). Its service log {path} says why.',
  },
  ER_8204: {
    kind: 'information',
    ja: '--no-service: 通報サービスを起動しません(動作中のサービスがあれば使用します)。',
    en: '--no-service: no reporting service is started (a running one is used).',
  },
  ER_8205: {
    kind: 'warning',
    ja: 'このコンピュータにはシステムサービス({where})がインストールされていますが、その状態フォルダ {system} とは別のフォルダを使用しています。システムサービスの設定と状態は、管理者(root)として既定のフォルダで開いてください(子プロセスのサービスは起動しません)。',
    en: "A system service ({where}) is installed on this computer, but other folders than its state folder {system} are in use. Open the system service's settings and state as an administrator (root) on the default folders (no child service is started).",
  },
} satisfies Record<string, MessageDef>;
