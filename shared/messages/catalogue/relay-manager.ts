/**
 * Messages of the manager's receiver (the relay of agents' reports, service/relay/; merged into the one catalogue in
 * ../catalogue.ts; codes are stable, never reused). docs/relay.md. The refusals are what an agent reads in a NAK.
 */
import { type MessageDef } from '../message-def.js';

export const relayManagerMessages = {
  // ---- network: listeners, connections and what an agent is told (NAK reasons)
  ER_2330: {
    kind: 'network',
    ja: '{kind}の受信ポート {port} を開けません: {reason}。{seconds} 秒後にもう一度試します。ほかのプログラムがこのポートを使っていないか確認してください。',
    en: 'The {kind} receive port {port} cannot be opened: {reason}. Trying again in {seconds} s. Check that no other program uses this port.',
  },
  ER_2331: {
    kind: 'network',
    ja: 'アドレス {address} からの接続は受け付けません([受け付けるエージェントのアドレス]にありません)。',
    en: 'Connections from {address} are not taken: the address is not in [Agents allowed].',
  },
  ER_2332: {
    kind: 'network',
    ja: 'マネージャが混み合っています(同時接続 {limit} 件が上限)。しばらくしてから再送してください。',
    en: 'The manager is busy ({limit} connections at once is its limit). Send again later.',
  },
  ER_2333: {
    kind: 'network',
    ja: 'このマネージャの{kind}の受信は停止しています。',
    en: 'This manager does not take {kind} reports now (the relay is switched off).',
  },
  ER_2334: {
    kind: 'network',
    ja: '{address} からのフレームが {seconds} 秒間完了しないため接続を閉じました。',
    en: 'The frame from {address} did not complete within {seconds} s; the connection was closed.',
  },
  ER_2335: {
    kind: 'network',
    ja: '通報のヘッダーは通報として正しくありません: {reason}',
    en: "The report's header is not a valid report: {reason}",
  },
  ER_2336: {
    kind: 'network',
    ja: 'マネージャは {type} フレームを受け付けません(通報は report、確認は probe)。',
    en: 'The manager does not take a {type} frame (a report goes as report, a check as probe).',
  },
  ER_2337: {
    kind: 'network',
    ja: 'フレームの通報 ID {frameId} とヘッダーの通報 ID {headerId} が異なります。',
    en: "The frame's report id {frameId} differs from the header's report id {headerId}.",
  },
  ER_2338: {
    kind: 'network',
    ja: 'エージェント {identity} の転送待ちの通報が {count} 件あり、上限([エージェントごとの転送待ち上限]: {limit} 件)に達しています。しばらくしてから再送してください。',
    en: 'Agent {identity} has {count} reports waiting to be forwarded, its limit ([Waiting reports per agent]: {limit}). Send again later.',
  },
  ER_2339: {
    kind: 'network',
    ja: 'マネージャの受信済み通報が {size} MiB あり、上限([受信済み通報の容量上限]: {limit} MiB)に達しています。しばらくしてから再送してください。',
    en: "The manager's received reports take {size} MiB, its limit ([Received reports, at most]: {limit} MiB). Send again later.",
  },
  ER_2340: {
    kind: 'network',
    ja: 'マネージャのディスクの空きが {free} MiB で、残す量([ディスクの空きの下限]: {limit} MiB)を下回ります。しばらくしてから再送してください。',
    en: "The manager's disk has {free} MiB free, less than it keeps free ([Disk space kept free]: {limit} MiB). Send again later.",
  },
  ER_2341: {
    kind: 'network',
    ja: 'マネージャは通報を保存できませんでした: {reason}。しばらくしてから再送してください。',
    en: 'The manager could not store the report: {reason}. Send again later.',
  },
  ER_2342: {
    kind: 'network',
    ja: 'このマネージャは{kind}をまだ転送できません(転送機能がありません)。',
    en: 'This manager cannot forward a {kind} report yet (its forwarding is not available).',
  },
  ER_2343: {
    kind: 'network',
    ja: 'マネージャは停止中です。しばらくしてから再送してください。',
    en: 'The manager is stopping. Send again later.',
  },
  ER_2344: {
    kind: 'network',
    ja: '{kind}の転送が {seconds} 秒以内に終わりませんでした。もう一度実行してください。',
    en: 'Forwarding the {kind} did not finish within {seconds} s. Try again.',
  },
  ER_2345: {
    kind: 'network',
    ja: 'マネージャの受信済み通報 {path} は壊れているため {corrupt} に移しました: {reason}',
    en: "The manager's received report {path} is damaged and was moved to {corrupt}: {reason}",
  },
  ER_2346: {
    kind: 'network',
    ja: 'マネージャの記録 {path} を読めないため、作り直します: {reason}',
    en: "The manager's record {path} cannot be read and is rebuilt: {reason}",
  },
  ER_2347: {
    kind: 'warning',
    ja: 'このマネージャに通報したエージェントが {count} 台あり、1 台のマネージャで管理できる 1,000 台を超えています。通報は受け付けますが、マネージャを分けることを検討してください。',
    en: 'Agents that reported to this manager: {count}, more than the 1,000 one manager is made for. Their reports are still taken; consider a second manager.',
  },
  ER_2348: {
    kind: 'warning',
    ja: 'エージェント {identity}(装置 ID とシリアル番号)を複数の装置が名乗っています({addresses})。エージェントの開局情報を確認してください。',
    en: 'Several machines claim agent {identity} (device code and serial number): {addresses}. Check the agents activation data.',
  },
  ER_2349: {
    kind: 'warning',
    ja: 'エージェント {identity} から {days} 日間通報がありません。',
    en: 'Agent {identity} has sent nothing for {days} days.',
  },
  ER_2350: {
    kind: 'network',
    ja: '{address} から受信したフレームを読めません: {reason}',
    en: 'The frame received from {address} cannot be read: {reason}',
  },
  ER_2351: {
    kind: 'network',
    ja: '通報を中継サービスに渡せませんでした({id}): {reason}。受信済みの通報はサービスの再起動時にもう一度渡します。',
    en: 'The report {id} could not be handed to the reporting pipeline: {reason}. The stored report is handed again when the service restarts.',
  },
  ER_2352: {
    kind: 'network',
    ja: '通報のヘッダーにログファイルの指定(logs)があるため受け付けません。エージェントはログを添付ファイルとして送ります。',
    en: "The report's header names log files (logs), which a relayed report never has: refused. An agent sends its logs as the attachment.",
  },
  ER_2353: {
    kind: 'network',
    ja: 'マネージャの記録 {path} を更新できません: {reason}。保存済みの通報は転送しますが、エージェントが再送した同じ通報を重複と判定できない場合があります。',
    en: "The manager's record {path} cannot be updated: {reason}. Stored reports are still forwarded, but an agent's resend of one may not be recognised as a repeat.",
  },

  // ---- input: the receiver's settings
  ER_3110: {
    kind: 'validation',
    ja: '受け付けるエージェントのアドレスの「{value}」は IP アドレスでも CIDR(例: 192.168.0.0/24)でもありません。',
    en: 'Agents allowed: "{value}" is neither an IP address nor a CIDR block (for example 192.168.0.0/24).',
  },

  // ---- information
  ER_6710: {
    kind: 'information',
    ja: '{kind}の受信ポート {port} でエージェントからの通報を待っています。',
    en: "Listening for agents' {kind} reports on port {port}.",
  },
  ER_6711: {
    kind: 'information',
    ja: '{kind}の受信ポート {port} を閉じました。',
    en: 'The {kind} receive port {port} is closed.',
  },
  ER_6712: {
    kind: 'information',
    ja: '{address} から通報 {id}({kind})を受信し、保存しました。',
    en: 'Report {id} ({kind}) received from {address} and stored.',
  },
  ER_6713: {
    kind: 'information',
    ja: '{address} からの通報 {id} は受信済みです(再送)。もう一度受信確認を返しました。',
    en: 'Report {id} from {address} was already received (a repeat); acknowledged again.',
  },
  ER_6714: {
    kind: 'information',
    ja: 'マネージャの受信フォルダを確認しました: 受信途中のファイル {parts} 件を削除し、受信済みの通報 {handed} 件を中継しました。',
    en: "The manager's receive folder was checked: {parts} partly received files removed, {handed} received reports handed on.",
  },
  ER_6715: {
    kind: 'information',
    ja: 'このマネージャに通報したエージェントはまだありません。',
    en: 'No agent has reported to this manager yet.',
  },
} satisfies Record<string, MessageDef>;
