/**
 * Messages of the agent's way to a manager (マネージャ経由: service/routes/manager/; merged into the one catalogue in
 * ../catalogue.ts; codes are stable, never reused). docs/delivery.md "Via a manager", docs/report-format.md "Manager relay".
 * {peer} is `マネージャ host:port` / `予備のマネージャ host:port`.
 */
import { type MessageDef } from '../message-def.js';

export const relayAgentMessages = {
  // ---- reaching the manager (retried on the normal schedule; the secondary manager is tried next)
  ER_2300: {
    kind: 'network',
    ja: '{peer}のホスト名 {host} を解決できません: {reason}',
    en: 'Cannot resolve the host name {host} of the {peer}: {reason}',
  },
  ER_2301: {
    kind: 'network',
    ja: '{peer}に接続できません: {reason}。マネージャが起動していて、マネージャからのエクスプレス通報が有効になっているか確認してください。',
    en: 'Cannot connect to the {peer}: {reason}. Check that the manager runs and that its relay of agent reports is enabled.',
  },
  ER_2302: {
    kind: 'network',
    ja: '{peer}に {seconds} 秒以内に接続できません。',
    en: 'Could not connect to the {peer} within {seconds} s.',
  },
  ER_2303: {
    kind: 'network',
    ja: '{peer}との接続が切れました({phase}): {reason}',
    en: 'The connection to the {peer} broke ({phase}): {reason}',
  },
  ER_2304: {
    kind: 'network',
    ja: '{peer}から、通報を送った後 {seconds} 秒以内に応答(ACK/NAK)がありません。',
    en: 'No answer (ACK/NAK) from the {peer} within {seconds} s after the report was sent.',
  },
  ER_2305: {
    kind: 'network',
    ja: '{peer}が応答(ACK/NAK)を返さずに接続を閉じました。',
    en: 'The {peer} closed the connection without an answer (ACK/NAK).',
  },
  ER_2306: {
    kind: 'network',
    ja: '{peer}の応答が正しくありません: {reason}。接続先がマネージャの受信ポート(エクスプレス通報 31136、HTTPS 31138)か確認してください。',
    en: "The {peer}'s answer is not valid: {reason}. Check that the address and port are the manager's receiving port (31136 Express, 31138 HTTPS).",
  },

  // ---- the manager's NAK, when its reason is not a coded problem (an older or foreign manager)
  ER_2307: {
    kind: 'network',
    ja: 'マネージャが通報を拒否しました(再送しません): {reason}',
    en: 'The manager refused the report (not retried): {reason}',
  },
  ER_2308: {
    kind: 'network',
    ja: 'マネージャは今は通報を受け付けられません(後で再送します): {reason}',
    en: 'The manager cannot take the report now (retried later): {reason}',
  },

  // ---- both managers, the settings, the attachment
  ER_2309: {
    kind: 'network',
    ja: 'どちらのマネージャにも送信できませんでした。マネージャ: {first} / 予備のマネージャ: {second}',
    en: 'Neither manager took the report. Manager: {first} / secondary manager: {second}',
  },
  ER_2310: {
    kind: 'network',
    ja: '予備のマネージャが設定されていません(予備のマネージャ: IPアドレス(またはホスト名))。予備のマネージャへの通報はできません。',
    en: 'No secondary manager is set (Secondary manager: IP address (or host name)); nothing can be sent to it.',
  },
  ER_2311: {
    kind: 'network',
    ja: '経由するマネージャの IPアドレス(またはホスト名) が設定されていません。',
    en: "The manager's IP address (or host name) is not set.",
  },
  ER_2312: {
    kind: 'network',
    ja: '添付ログ({size} バイト以上)がマネージャへ送れる上限 {max} バイトを超えるため送信できません。AMHTPLOG.INF の MaxSize を小さくしてください。',
    en: 'The collected logs ({size} bytes or more) exceed the limit of {max} bytes a manager takes. Lower MaxSize in AMHTPLOG.INF.',
  },
  ER_2313: {
    kind: 'network',
    ja: '添付ログを一時ファイル {path} に書き込めないため送信を中止しました: {reason}',
    en: 'Sending stopped because the collected logs could not be written to the temporary file {path}: {reason}',
  },
  ER_2314: {
    kind: 'network',
    ja: 'サービスの停止のため、{peer}への送信を中止しました。',
    en: 'Sending to the {peer} stopped because the service is stopping.',
  },
} as const satisfies Record<string, MessageDef>;
