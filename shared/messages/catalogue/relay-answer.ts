/**
 * The manager's answer to an agent's test / activation notification that it forwarded at once (the ACK's answer
 * section, docs/report-format.md "Manager relay"), and the ユーザ ID of the manager's 到達確認テスト (merged into the one
 * catalogue in ../catalogue.ts; codes are stable, never reused). docs/relay.md.
 */
import { type MessageDef } from '../message-def.js';

export const relayAnswerMessages = {
  // ---- input: 到達確認テスト's ユーザ ID
  ER_3100: {
    kind: 'validation',
    ja: 'ユーザ ID には、エージェントのユーザシステムコード(半角英数字記号 1~20 文字、空白なし)を入力してください。開局キーコード方式のエージェントは OPFILELESS です。',
    en: "Enter as the user ID the agent's user system code (1 to 20 ASCII letters, digits or signs, no spaces); OPFILELESS for an agent activated by key code.",
  },

  // ---- information: how the manager forwarded it and what the center answered
  ER_6700: {
    kind: 'information',
    ja: 'マネージャがテスト通報 {id} を HTTPS でセンターへ転送し、センターが受け付けました({detail})。テスト通報結果は指定した送付先に届きます。',
    en: 'The manager forwarded the test notification {id} to the center over HTTPS and the center accepted it ({detail}). The result is sent to the chosen address.',
  },
  ER_6701: {
    kind: 'information',
    ja: 'マネージャがテスト通報 {id} をインターネットメールでセンターへ送信しました({detail})。テスト通報結果は指定した送付先に届きます。',
    en: 'The manager sent the test notification {id} to the center by e-mail ({detail}). The result mail comes to the chosen address.',
  },
  ER_6702: {
    kind: 'information',
    ja: 'マネージャがテスト通報 {id} をダイヤルアップでセンターへ転送し、センターが受け付けました({detail})。マネージャでダイヤルアップ経由が選択されているため、テスト結果は送付されません。',
    en: 'The manager forwarded the test notification {id} to the center over dial-up and the center acknowledged it ({detail}). The manager forwards over dial-up, so no test result is sent.',
  },
  ER_6703: {
    kind: 'information',
    ja: 'マネージャが開局通報 {id} を{route}でセンターへ転送し、センターが受け付けました({detail})。',
    en: 'The manager forwarded the activation notification {id} to the center by {route} and the center accepted it ({detail}).',
  },
  ER_6704: {
    kind: 'information',
    ja: 'マネージャの応答(このバージョンでは読めない形式): {answer}',
    en: "The manager's answer (in a form this version does not read): {answer}",
  },
} as const satisfies Record<string, MessageDef>;
