/**
 * Network, with the peer's own reply: name resolution, connecting, TLS, the proxy, the destinations and remote access.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_2001-2016.
 */
import { type MessageDef } from '../message-def.js';

export const networkTransportMessages = {
  ER_2001: {
    kind: 'network',
    ja: '{peer}のホスト名 {host} を解決できません({reason})。ホスト名と DNS の設定を確認してください。',
    en: 'Cannot resolve the host name {host} of {peer} ({reason}). Check the name and the DNS settings.',
  },
  ER_2002: { kind: 'network', ja: '{peer}に接続できません: {reason}', en: 'Cannot connect to {peer}: {reason}' },
  ER_2003: { kind: 'network', ja: '{peer}から {seconds} 秒以内に応答がありません({phase})。', en: 'No answer from {peer} within {seconds} s ({phase}).' },
  ER_2004: {
    kind: 'network',
    ja: '{peer}の証明書を検証できません: {reason}({code})。通報先が独自の認証局を使う場合は、[追加の CA 証明書ファイル]にその CA 証明書(PEM)を指定してください。',
    en: 'The certificate of {peer} cannot be verified: {reason} ({code}). If the center uses its own CA, give its certificate (PEM) in [Extra CA bundle].',
  },
  ER_2005: { kind: 'network', ja: '{peer}との TLS ハンドシェイクに失敗しました: {reason}', en: 'The TLS handshake with {peer} failed: {reason}' },
  ER_2006: {
    kind: 'network',
    ja: 'プロキシサーバ {proxy} が認証を求めたか、利用者名とパスワードを受け付けませんでした({reply})。[プロキシサーバ]の[ユーザー名]と[パスワード]を確認してください(Basic 認証のみ使用できます)。',
    en: 'The proxy {proxy} asked for authentication or did not accept the credentials ({reply}). Check [User name] and [Password] under [Proxy server] (Basic authentication only).',
  },
  ER_2007: {
    kind: 'network',
    ja: 'プロキシサーバ {proxy} が {target} への接続を拒否しました: {reply}',
    en: 'The proxy {proxy} did not open a connection to {target}: {reply}',
  },
  ER_2008: { kind: 'network', ja: '{peer}がエラーを返しました: {reply}', en: 'Error from {peer}: {reply}' },
  ER_2009: { kind: 'network', ja: '通報先 {label} の URL「{url}」は使用できません: {reason}', en: 'The {label} destination "{url}" cannot be used: {reason}' },
  ER_2010: {
    kind: 'network',
    ja: '通報先 {label} が設定されていません(AMHTPADR.INF の [{label}] URL=)。',
    en: 'There is no {label} destination (AMHTPADR.INF [{label}] URL=).',
  },
  ER_2011: { kind: 'network', ja: '{peer}との接続が応答の前に切断されました: {reason}', en: 'The connection to {peer} closed before it answered: {reason}' },
  ER_2012: {
    kind: 'network',
    ja: 'どの通報先にも送信できませんでした。URL1: {first} / URL2: {second}',
    en: 'No destination accepted the report. URL1: {first} / URL2: {second}',
  },
  ER_2013: {
    kind: 'network',
    ja: 'リモートアクセスの接続 {entry} に失敗しました({command}: {reason})。',
    en: 'Remote access could not connect {entry} ({command}: {reason}).',
  },
  ER_2014: { kind: 'network', ja: '{peer}への送信を中止しました(サービスの停止)。', en: 'Sending to {peer} was cancelled (the service is stopping).' },
  ER_2015: {
    kind: 'network',
    ja: '添付ファイルを読み込めないため送信を中止しました: {reason}',
    en: 'Sending stopped because the attachment could not be read: {reason}',
  },
  ER_2016: {
    kind: 'network',
    ja: '[追加の CA 証明書ファイル]の {path} に PEM 形式の証明書がありません。',
    en: 'The file {path} in [Extra CA bundle] holds no PEM certificate.',
  },
} satisfies Record<string, MessageDef>;
