/** Messages of the modem part (merged into the one catalogue in ../catalogue.ts; codes are stable, never reused). */
import { type MessageDef } from '../message-def.js';

export const modemMessages = {
  // ---- the report frame (docs/report-format.md, "Frame"): what a receiver or the sender meets in the bytes
  ER_2250: {
    kind: 'network',
    ja: '受信したデータは通報フレームではありません(先頭のバイト: {bytes})。',
    en: 'The data received is not a report frame (it starts with the bytes {bytes}).',
  },
  ER_2251: {
    kind: 'network',
    ja: 'フレームの{part}の長さ {length} バイトが上限 {max} バイトを超えています。',
    en: "The frame's {part} is {length} bytes long, more than the limit of {max} bytes.",
  },
  ER_2252: {
    kind: 'network',
    ja: 'フレームの CRC-32 が一致しません(受信 {got}、計算 {want})。回線の雑音などでデータが壊れています。',
    en: "The frame's CRC-32 does not match (received {got}, computed {want}): the data was damaged on the way, e.g. by line noise.",
  },
  ER_2253: { kind: 'network', ja: 'フレームの形式が正しくありません: {reason}', en: 'The frame is malformed: {reason}' },

  // ---- the serial port
  ER_2254: {
    kind: 'network',
    ja: 'シリアルポート {port} がありません({reason})。[シリアルポート]にモデムを接続したポートを指定してください。',
    en: 'The serial port {port} does not exist ({reason}). Set [Serial port] to the port the modem is connected to.',
  },
  ER_2255: {
    kind: 'network',
    ja: 'シリアルポート {port} を開く権限がありません({reason})。サービスを実行するユーザーにポートの使用を許可してください(Linux では dialout グループ)。',
    en: 'No permission to open the serial port {port} ({reason}). Allow the user the service runs as to use it (on Linux, the dialout group).',
  },
  ER_2256: {
    kind: 'network',
    ja: 'シリアルポート {port} は他のプログラム(リモートアクセスサービスなど)が使用中です({reason})。ポートが空いた後に再送します。',
    en: 'The serial port {port} is in use by another program, e.g. remote access ({reason}). The report is sent again once the port is free.',
  },
  ER_2257: { kind: 'network', ja: 'シリアルポート {port} を使用できません: {reason}', en: 'The serial port {port} cannot be used: {reason}' },

  // ---- the modem's replies (its own words are kept in {reply})
  ER_2258: {
    kind: 'network',
    ja: 'モデム({port})がコマンド {command} に {seconds} 秒以内に応答しません。モデムの電源とケーブルを確認してください。',
    en: 'The modem on {port} did not answer {command} within {seconds} s. Check that it is switched on and connected.',
  },
  ER_2259: {
    kind: 'network',
    ja: 'モデム({port})がコマンド {command} にエラーを返しました: {reply}',
    en: 'The modem on {port} answered {command} with an error: {reply}',
  },
  ER_2260: {
    kind: 'network',
    ja: '{label}通報先 {number} は話し中です(モデムの応答: {reply})。',
    en: 'The {label} number {number} is busy (the modem said: {reply}).',
  },
  ER_2261: {
    kind: 'network',
    ja: '{label}通報先 {number} に接続できません: 相手のモデムと接続できませんでした(モデムの応答: {reply})。',
    en: 'Cannot connect to the {label} number {number}: no connection with the answering modem (the modem said: {reply}).',
  },
  ER_2262: {
    kind: 'network',
    ja: '{label}通報先 {number} に発信できません: ダイヤルトーンがありません(モデムの応答: {reply})。電話回線の接続と、0発信の回線では[0発信]を確認してください。',
    en: 'Cannot dial the {label} number {number}: there is no dial tone (the modem said: {reply}). Check the phone line, and [Dial 0 first] on a line that needs 0 first.',
  },
  ER_2263: {
    kind: 'network',
    ja: '{label}通報先 {number} が応答しません(モデムの応答: {reply})。',
    en: 'The {label} number {number} does not answer (the modem said: {reply}).',
  },
  ER_2264: {
    kind: 'network',
    ja: '{label}通報先 {number} に発信しましたが、{seconds} 秒以内に接続しませんでした(モデムからの応答なし)。',
    en: 'The {label} number {number} was dialled but did not connect within {seconds} s (no reply from the modem).',
  },
  ER_2265: {
    kind: 'network',
    ja: '{label}通報先 {number} への発信にモデムが予期しない応答を返しました: {reply}',
    en: 'The modem gave an unexpected reply when dialling the {label} number {number}: {reply}',
  },
  ER_2266: {
    kind: 'network',
    ja: '{label}通報先 {number} の保守センターから {seconds} 秒以内に受信確認(ACK)がありません。',
    en: 'The center at the {label} number {number} did not acknowledge the report within {seconds} s.',
  },
  ER_2267: {
    kind: 'network',
    ja: '{label}通報先 {number} の保守センターが通報 {id} を受け付けませんでした: {reason}',
    en: 'The center at the {label} number {number} refused report {id}: {reason}',
  },
  ER_2268: {
    kind: 'network',
    ja: '{label}通報先 {number} との回線が受信確認の前に切断されました(モデムの応答: {reply})。',
    en: 'The line to the {label} number {number} dropped before the center acknowledged the report (the modem said: {reply}).',
  },
  ER_2269: {
    kind: 'network',
    ja: '{label}通報先 {number} の保守センターの応答を読めません: {reason}',
    en: 'The answer of the center at the {label} number {number} cannot be read: {reason}',
  },

  // ---- before dialling: what settings or the key file must provide
  ER_2270: {
    kind: 'network',
    ja: '通報方法「{method}」は BMC を経由するため、この環境では使用できません。[通報方法]を[シリアルポート]にしてください。',
    en: 'The dial-up method "{method}" goes through the BMC and is not available here. Set [Dial-up method] to [serial port].',
  },
  ER_2271: {
    kind: 'network',
    ja: 'S/MIME が有効ですが、保守センターの証明書がありません(キーファイルで開局していません)。キーファイルで開局するか、[S/MIME 有効]のチェックを外してください。',
    en: 'S/MIME is on but there is no center certificate (the service was not activated with a key file). Activate with a key file, or clear [S/MIME enabled].',
  },
  ER_2272: {
    kind: 'network',
    ja: '保守センターの証明書で暗号化できません: {reason}',
    en: 'The report cannot be encrypted to the center certificate: {reason}',
  },
  ER_2273: {
    kind: 'network',
    ja: '添付ログ({size} バイト以上)がモデム通報の上限 {max} バイトを超えるため送信できません。AMHTPLOG.INF の MaxSize を小さくしてください。',
    en: 'The collected logs ({size} bytes or more) exceed the modem limit of {max} bytes. Lower MaxSize in AMHTPLOG.INF.',
  },
  ER_2274: { kind: 'network', ja: '{label}通報先の電話番号が設定されていません({field})。', en: 'There is no {label} phone number ({field}).' },
  ER_2275: {
    kind: 'network',
    ja: '{label}通報先 {number} への通報を中止しました({why})。',
    en: 'Sending to the {label} number {number} was cancelled ({why}).',
  },
  ER_2276: {
    kind: 'network',
    ja: 'どの通報先にも送信できませんでした。一次: {first} / 二次: {second}',
    en: 'No number accepted the report. Primary: {first} / secondary: {second}',
  },
} as const satisfies Record<string, MessageDef>;
