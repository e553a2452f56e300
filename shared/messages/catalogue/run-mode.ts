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
  ER_8210: {
    kind: 'internal',
    ja: 'Windows サービスの設定 {path} を作成できません: {reason}',
    en: 'Cannot write the Windows service configuration {path}: {reason}',
  },
} satisfies Record<string, MessageDef>;
