/**
 * Input validation of operations: the command line, signed key files and extension keys, the activation steps,
 * remembered passwords, the extra CA file and the service's state changes.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_3032-3082.
 */
import { type MessageDef } from '../message-def.js';

export const validationOperationsMessages = {
  ER_3032: {
    kind: 'validation',
    ja: '{path} の種類がわかりません。--kind adr|log|hbi を指定してください。',
    en: 'Cannot tell what kind of file {path} is: give --kind adr|log|hbi.',
  },
  ER_3033: {
    kind: 'validation',
    ja: 'config set には KEY VALUE の組(--stdin の場合は KEY を 1 つ)を指定してください。',
    en: 'config set takes KEY VALUE pairs (or one KEY with --stdin).',
  },
  ER_3034: { kind: 'validation', ja: 'コマンドの指定に誤りがあります: {reason}', en: 'The command line is not right: {reason}' },
  ER_3035: { kind: 'validation', ja: '{file} は{what}ではありません({reason})。', en: '{file} is not a valid {what} ({reason}).' },
  ER_3036: {
    kind: 'validation',
    ja: '{what}が壊れているか改変されています(署名が一致しません)。受付センターから受け取ったものをそのまま指定してください。',
    en: 'The {what} is damaged or has been altered (the signature does not match). Use it exactly as received from the reception center.',
  },
  ER_3037: {
    kind: 'validation',
    ja: '{what}は受付センターの署名ではありません(署名者「{signer}」の証明書は信頼された認証局から発行されていません)。',
    en: 'The {what} is not signed by the reception center (the signer "{signer}" was not issued by a trusted CA).',
  },
  ER_3038: {
    kind: 'validation',
    ja: '{what}の署名者の証明書は有効期間外です(有効期間 {from}~{to})。',
    en: 'The certificate that signed the {what} is not valid now (valid from {from} to {to}).',
  },
  ER_3039: {
    kind: 'validation',
    ja: '{what}の有効期限 {expiry} を過ぎています。受付センターに新しい{what}を依頼してください。',
    en: 'The {what} expired on {expiry}. Ask the reception center for a new one.',
  },
  ER_3040: { kind: 'validation', ja: '{what}の項目 {field} が正しくありません: {reason}', en: 'The {what} has an invalid {field}: {reason}' },
  ER_3041: {
    kind: 'validation',
    ja: 'この期限延長キーはユーザシステムコード {other} 用です(このサーバは {code})。',
    en: 'This extension key is for user system code {other}, not for this server ({code}).',
  },
  ER_3042: {
    kind: 'validation',
    ja: 'この期限延長キーの有効期限 {expiry} は現在の有効期限 {current} より後ではないため、期限は延長されません。',
    en: 'This extension key ends on {expiry}, which is not after the current expiry {current}, so it extends nothing.',
  },
  ER_3050: {
    kind: 'validation',
    ja: '開局キーファイルのサーバ名称({serverName})と OS のホスト名({hostName})が一致しません。続行すると OS のホスト名が登録されます。',
    en: "The key file's server name ({serverName}) differs from the OS host name ({hostName}). If you continue, the OS host name is registered.",
  },
  ER_3051: { kind: 'validation', ja: 'サービスは開局していないため、この操作はできません。', en: 'The service is not activated, so this cannot be done.' },
  ER_3052: {
    kind: 'validation',
    ja: '開局通報はテスト通報が成功した後に行ってください。',
    en: 'Send the activation notification after a successful test notification.',
  },
  ER_3053: {
    kind: 'validation',
    ja: 'このコンピュータには {account} の{label}が記憶されていません。パスワードを入力してください。',
    en: 'No {label} is remembered on this computer for {account}. Type the password.',
  },
  ER_3054: {
    kind: 'validation',
    ja: '{label}を記憶する、または記憶したものを使用するには、先に{needs}を入力してください。',
    en: 'To remember {label} or use a remembered one, fill in {needs} first.',
  },
  ER_3060: {
    kind: 'validation',
    ja: '{label}は設定情報の変更では変更できません。開局し直す(開局情報の入力)か、通報基本設定で変更してください。',
    en: '{label} cannot be changed as registration information: activate again (Activation information) or change it in the basic notification settings.',
  },
  ER_3061: {
    kind: 'validation',
    ja: '{key} はテスト通報・開局通報の一時的な値として使用できません。',
    en: '{key} cannot be used as a temporary value for a test or activation notification.',
  },
  ER_3070: {
    kind: 'validation',
    ja: '{label}は半角数字で入力してください(全角の数字は使用できません: 「{value}」)。',
    en: '{label} must be typed in half-width digits (0-9), not full-width ones: "{value}".',
  },
  ER_3071: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} がありません: {reason}',
    en: 'The file {path} given in {label} does not exist: {reason}',
  },
  ER_3072: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} を読み込めません: {reason}',
    en: 'The file {path} given in {label} cannot be read: {reason}',
  },
  ER_3073: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} は PEM 形式の CA 証明書ではありません(-----BEGIN CERTIFICATE----- で始まる証明書が必要です)。',
    en: 'The file {path} given in {label} is not a CA certificate in PEM form (a certificate starting with -----BEGIN CERTIFICATE----- is needed).',
  },
  ER_3074: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} の {index} 番目の証明書を読み取れません: {reason}',
    en: 'Certificate {index} in the file {path} given in {label} cannot be read: {reason}',
  },
  ER_3080: {
    kind: 'validation',
    ja: 'サービスの終了は、サービスの開始後(運用中)にだけ行えます。現在の状態: {state}。',
    en: 'The service can be ended only once it has started (active). Current state: {state}.',
  },
  ER_3081: {
    kind: 'validation',
    ja: 'サービス有効期限の変更は、サービスの終了後にだけ行えます。現在の状態: {state}。',
    en: 'The expiry can be changed only after the service has ended. Current state: {state}.',
  },
  ER_3082: {
    kind: 'validation',
    ja: '保守センターの宛先ファイル {path} を読み込めないため、開局できません: {reason}',
    en: "Cannot activate: the center's destination file {path} cannot be read: {reason}",
  },
} satisfies Record<string, MessageDef>;
