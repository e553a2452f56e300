/**
 * Messages of the manager's forwarding (relayed reports in the manager's intake, spool and delivery, and the immediate
 * forwarding of agents' test and activation notifications; merged into the one catalogue in ../catalogue.ts; codes are
 * stable, never reused). docs/relay.md "Forwarding". The refusals are what an agent reads in a NAK.
 */
import { type MessageDef } from '../message-def.js';

export const relayForwardMessages = {
  // ---- network: a relayed report not taken, or not forwarded
  ER_2370: {
    kind: 'network',
    ja: 'マネージャの設定がまだ読み込まれていないため、エージェントからの通報 {id} を受け付けられません。しばらくしてから再送してください。',
    en: "The manager has no valid configuration loaded yet, so it cannot take the agent's report {id}. Send it again later.",
  },
  ER_2371: {
    kind: 'network',
    ja: 'このマネージャでは[{label}]が無効のため、通報 {id} を転送できません。マネージャの[{label}]を有効にしてください。',
    en: 'This manager cannot forward report {id}: [{label}] is not enabled on it. Enable [{label}] on the manager.',
  },
  ER_2372: {
    kind: 'network',
    ja: '通報 {id}({kind})は保存して転送する種類ではありません(テスト通報・開局通報はすぐに転送されます)。',
    en: 'Report {id} ({kind}) is not a kind that is stored for forwarding (test and activation notifications are forwarded at once).',
  },
  ER_2373: {
    kind: 'network',
    ja: 'エージェントからの通報 {id} の保存データ {path} を読めません: {reason}。この通報は受け付けていません。エージェントが再送します。',
    en: "The stored frame {path} of the agent's report {id} cannot be read: {reason}. The report was not taken; the agent sends it again.",
  },
  ER_2374: {
    kind: 'network',
    ja: '一括通報の通話が {number} 件目の前に終わったため、通報 {id} は送られていません: {reason}',
    en: 'Report {id} was not sent: the bulk call ended before it (report {number} of the call): {reason}',
  },
  ER_2375: {
    kind: 'network',
    ja: 'このマネージャは保守中のため、通報 {id} を今は転送しません。マネージャの保守が終わってから再送してください。',
    en: 'This manager is paused for maintenance and does not forward report {id} now. Send it again once the pause ends on the manager.',
  },

  // ---- information: what forwarding did
  ER_6740: {
    kind: 'information',
    ja: 'エージェント {from} のテスト通報 {id} をダイヤルアップで転送しました。ダイヤルアップ経由ではテスト結果は送付されません。',
    en: "The agent {from}'s test notification {id} was forwarded over dial-up. Over dial-up the center sends no test result.",
  },
  ER_6741: {
    kind: 'information',
    ja: 'エージェント {from} の通報 {id}({kind})を {route} で転送しました: {detail}',
    en: "The agent {from}'s report {id} ({kind}) was forwarded by {route}: {detail}",
  },
  ER_6742: {
    kind: 'information',
    ja: '一括通報: エージェントからの通報 {count} 件を {route} の 1 回の通話で送り、{acked} 件が受け付けられました。',
    en: "Bulk forwarding: {count} agents' reports went by {route} in one call; {acked} were acknowledged.",
  },
} as const satisfies Record<string, MessageDef>;
