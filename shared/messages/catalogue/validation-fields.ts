/**
 * Input validation of the settings' values; {label} is the field's label.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_3001-3031.
 */
import { type MessageDef } from '../message-def.js';

export const validationFieldsMessages = {
  ER_3001: { kind: 'validation', ja: '{label}を入力してください(必須項目です)。', en: '{label} is required.' },
  ER_3002: {
    kind: 'validation',
    ja: '{label}は {max} 文字以内で入力してください(現在 {length} 文字)。',
    en: '{label} must be at most {max} characters (it has {length}).',
  },
  ER_3003: { kind: 'validation', ja: '{label}は {length} 桁の半角数字で入力してください。', en: '{label} must be exactly {length} half-width digits.' },
  ER_3004: {
    kind: 'validation',
    ja: '{label}は全角文字で入力してください(使用できない文字: 「{char}」)。',
    en: '{label} must be full-width characters (not allowed: "{char}").',
  },
  ER_3005: {
    kind: 'validation',
    ja: '{label}は半角カタカナで入力してください(使用できない文字: 「{char}」)。',
    en: '{label} must be half-width katakana (not allowed: "{char}").',
  },
  ER_3006: { kind: 'validation', ja: '{label}は半角数字で入力してください。', en: '{label} must be half-width digits.' },
  ER_3007: {
    kind: 'validation',
    ja: '{label}はメールアドレスの形式(例: sousin@foo.co.jp)で入力してください。',
    en: '{label} must be an e-mail address (for example sousin@foo.co.jp).',
  },
  ER_3008: {
    kind: 'validation',
    ja: '{label}はホスト名、FQDN、IPv4 または IPv6 アドレスで入力してください(例: smtp.foo.co.jp、192.168.0.100)。',
    en: '{label} must be a host name, FQDN, IPv4 or IPv6 address (for example smtp.foo.co.jp or 192.168.0.100).',
  },
  ER_3009: { kind: 'validation', ja: '{label}は 1~65535 のポート番号で入力してください。', en: '{label} must be a port number from 1 to 65535.' },
  ER_3010: {
    kind: 'validation',
    ja: '{label}は半角数字と記号(- + ( ))で入力してください(空白は使用できません。例: 0123-45-6789)。',
    en: '{label} must be half-width digits and the symbols - + ( ) with no spaces (for example 0123-45-6789).',
  },
  ER_3011: {
    kind: 'validation',
    ja: '{label}は 7 桁の半角数字で入力してください(例: 0123456)。',
    en: '{label} must be 7 half-width digits (for example 0123456).',
  },
  ER_3012: { kind: 'validation', ja: '{label}は {min}~{max} の整数で入力してください。', en: '{label} must be a whole number from {min} to {max}.' },
  ER_3013: { kind: 'validation', ja: '{label}には次のいずれかを指定してください: {choices}', en: '{label} must be one of: {choices}' },
  ER_3014: { kind: 'validation', ja: '{label}には on または off を指定してください。', en: '{label} must be on or off.' },
  ER_3015: {
    kind: 'validation',
    ja: '{label}は半角英数字と記号で入力してください(使用できない文字: 「{char}」)。',
    en: '{label} must be half-width letters, digits and symbols (not allowed: "{char}").',
  },
  ER_3016: {
    kind: 'validation',
    ja: '{label}は HH:MM-HH:MM の形式(例: 09:00-17:30、終日は 00:00-24:00、通報しない日は none)で入力してください。',
    en: '{label} must be HH:MM-HH:MM (for example 09:00-17:30; all day is 00:00-24:00; none for no reports that day).',
  },
  ER_3017: { kind: 'validation', ja: 'お客様属性が個人の場合、{label}は入力できません。', en: '{label} cannot be set for an individual customer.' },
  ER_3018: {
    kind: 'validation',
    ja: 'S/MIME は開局キーファイルで開局した場合だけ使用できます。',
    en: 'S/MIME can be used only after activation with a key file.',
  },
  ER_3019: {
    kind: 'validation',
    ja: 'エクスプレス通報サービスとエクスプレス通報サービス(HTTPS)は同時に有効にできません。{other}を無効にしてから有効にしてください。',
    en: 'Express Report Service and Express Report Service (HTTPS) cannot be enabled together. Disable {other} first.',
  },
  ER_3020: {
    kind: 'validation',
    ja: '{label}が平文で書かれています。パスワードは express-report config set または設定画面で設定してください。',
    en: '{label} is written in clear text. Set passwords with express-report config set or in the settings window.',
  },
  ER_3021: {
    kind: 'validation',
    ja: '{key} という設定はありません。express-report config list で一覧を確認してください。',
    en: 'There is no setting named {key}. See express-report config list.',
  },
  ER_3022: { kind: 'validation', ja: '{label}は YYYY-MM-DD の形式の日付で入力してください。', en: '{label} must be a date in the form YYYY-MM-DD.' },
  ER_3023: { kind: 'validation', ja: '{label}は {max} 件までです。', en: '{label} may hold at most {max} entries.' },
  ER_3024: {
    kind: 'validation',
    ja: '{label}には CRAM-MD5、LOGIN、PLAIN のうち 1 つ以上をカンマ区切りで指定してください(使用できない値: 「{value}」)。',
    en: '{label} must list one or more of CRAM-MD5, LOGIN, PLAIN, separated by commas (not allowed: "{value}").',
  },
  ER_3025: { kind: 'validation', ja: '{label}は 1 文字以上の空白以外の文字を含めてください。', en: '{label} must contain something other than spaces.' },
  ER_3026: { kind: 'validation', ja: '{label}は絶対パスで指定してください。', en: '{label} must be an absolute path.' },
  ER_3027: { kind: 'validation', ja: '{label}の値「{value}」は整数ではありません。', en: '{label}: "{value}" is not a whole number.' },
  ER_3028: { kind: 'validation', ja: '{label}は {min} 文字以上で入力してください。', en: '{label} must be at least {min} characters.' },
  ER_3029: { kind: 'validation', ja: '{label}に改行や制御文字は使用できません。', en: '{label} cannot contain line breaks or control characters.' },
  ER_3030: { kind: 'validation', ja: '{label}は{other}と異なる番号にしてください。', en: '{label} must differ from {other}.' },
  ER_3031: { kind: 'validation', ja: 'リトライ間隔はリトライ期限より短くしてください。', en: 'The retry interval must be shorter than the retry limit.' },
} satisfies Record<string, MessageDef>;
