/**
 * Messages of connection limits, permissions and command-path checks (issue 17). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_9200-9299.
 */
import { type MessageDef } from '../message-def.js';

export const soakSecurityMessages = {
  ER_9200: {
    kind: 'internal',
    ja: '設定画面のサーバー (serve) の接続数が上限 {limit} に達したため、待機中の古い接続を {count} 本切断しました。ローカルのプログラムが接続を開いたままにしている可能性があります。',
    en: 'The settings window server (serve) reached its limit of {limit} connections: {count} idle connection(s) were closed to make room. A local program may be holding connections open.',
  },
  ER_9201: {
    kind: 'internal',
    ja: '設定画面のサーバー (serve) への要求 {request} の本文が {limit} バイトを超えるため拒否しました。',
    en: 'The settings window server (serve) refused the request {request}: its body is larger than {limit} bytes.',
  },
  ER_9210: {
    kind: 'warning',
    ja: 'イベントソースの読み取り位置 {path} を使用できません: {reason}。このソースは現在の末尾から読み取ります (停止中に記録された行は通報されません)。',
    en: 'The event source position {path} cannot be used: {reason}. The source reads from its current end (lines logged while the service was stopped are not reported).',
  },
  ER_9211: {
    kind: 'warning',
    ja: 'イベントソースの読み取り位置 {path} を保存できません: {reason}。再起動後は前回保存した位置から読み直すため、同じ行が再度通報されることがあります。',
    en: 'The event source position {path} cannot be saved: {reason}. After a restart the source reads again from the last saved position, so lines may be reported again.',
  },
} satisfies Record<string, MessageDef>;
