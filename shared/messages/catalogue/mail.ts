/** Messages of the mail part (merged into the one catalogue in ../catalogue.ts; codes are stable, never reused). */
import { type MessageDef } from '../message-def.js';

/**
 * The e-mail route (service/routes/mail/, docs/mail.md). {peer} is "the mail server (SMTP)" or "the POP server",
 * {server} its host:port; {reply} is the server's own reply line(s), never our paraphrase.
 */
export const mailMessages = {
  ER_2200: {
    kind: 'network',
    ja: '{peer} {server} に接続できません: {reason}。ホスト名とポート番号を確認してください。',
    en: 'Cannot connect to {peer} {server}: {reason}. Check the host name and the port.',
  },
  ER_2201: {
    kind: 'network',
    ja: '{peer} {server} から {seconds} 秒以内に応答がありません({phase})。',
    en: 'No answer from {peer} {server} within {seconds} s ({phase}).',
  },
  ER_2202: {
    kind: 'network',
    ja: 'メールサーバ(SMTP) {server} が {command} を拒否しました: {reply}',
    en: 'The mail server (SMTP) {server} refused {command}: {reply}',
  },
  ER_2203: {
    kind: 'network',
    ja: 'POP サーバ {server} がアカウント {user} のログインを拒否しました({reply})。POP のアカウント名とパスワードを確認してください。',
    en: 'The POP server {server} refused the login of {user} ({reply}). Check the POP account and password.',
  },
  ER_2204: {
    kind: 'network',
    ja: 'メールサーバ(SMTP) {server} が SMTP 認証(アカウント {user}、方式 {method})を拒否しました({reply})。SMTP 認証のアカウント名とパスワードを確認してください。',
    en: 'The mail server (SMTP) {server} refused SMTP authentication of {user} by {method} ({reply}). Check the SMTP account and password.',
  },
  ER_2205: {
    kind: 'network',
    ja: 'メールサーバ(SMTP) {server} は、チェックされた認証方式({checked})を提供していません。サーバが提供する方式: {offered}。',
    en: 'The mail server (SMTP) {server} offers none of the checked authentication methods ({checked}). It offers: {offered}.',
  },
  ER_2206: {
    kind: 'network',
    ja: 'メールサーバ(SMTP) {server} と暗号化({security})で通信できません: {reason}。暗号化の設定を確認してください。',
    en: 'The mail server (SMTP) {server} cannot be reached with encryption ({security}): {reason}. Check the encryption setting.',
  },
  ER_2207: {
    kind: 'network',
    ja: 'メールサーバ(SMTP) {server} の証明書を検証できません: {reason}({code})。独自の認証局を使うサーバの場合は、その CA 証明書を環境変数 NODE_EXTRA_CA_CERTS で指定してください。',
    en: 'The certificate of the mail server (SMTP) {server} cannot be verified: {reason} ({code}). For a server with its own CA, name that CA certificate in the NODE_EXTRA_CA_CERTS environment variable.',
  },
  ER_2208: {
    kind: 'network',
    ja: 'S/MIME が有効ですが、通報先の証明書がありません(キーファイルで開局した場合のみ使用できます)。キーファイルで開局し直すか、保守サービス会社の指示があれば S/MIME を無効にしてください。',
    en: 'S/MIME is on, but there is no center certificate (only activation with a key file provides one). Activate with the key file, or turn S/MIME off if the maintenance company says so.',
  },
  ER_2209: {
    kind: 'network',
    ja: '{peer} {server} との接続が途中で切断されました({phase}): {reason}',
    en: 'The connection to {peer} {server} broke off ({phase}): {reason}',
  },
  ER_2210: {
    kind: 'network',
    ja: '通報先の証明書を S/MIME の暗号化に使用できません: {reason}',
    en: 'The center certificate cannot be used for S/MIME: {reason}',
  },
  ER_2211: {
    kind: 'network',
    ja: '通報メールの[宛先]が設定されていません。宛先は開局時に自動的に設定されます。開局し直してください。',
    en: 'There is no [Destination] address. It is set by activation: activate again.',
  },
  ER_2212: { kind: 'network', ja: 'POP サーバ {server} がエラーを返しました: {reply}', en: 'Error from the POP server {server}: {reply}' },
} as const satisfies Record<string, MessageDef>;
