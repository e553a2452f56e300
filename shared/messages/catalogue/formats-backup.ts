/**
 * Messages of format versions, migrations, backup and restore (issue 15; docs/backup.md; merged into the one catalogue
 * in ../catalogue.ts; codes are stable, never reused). ER_8100-8199.
 */
import { type MessageDef } from '../message-def.js';

export const formatsBackupMessages = {
  // ---- formats and migrations
  ER_8101: {
    kind: 'internal',
    ja: '{path} は形式 {format} で、このプログラムが扱える形式 {known} より新しいため読みません(壊れているのではなく、新しい版が書いたものです。そのままにしてあります)。新しい版をインストールするか、この版で作ったバックアップを復元してください(express-report restore)。',
    en: '{path} is in format {format}, newer than the {known} this program knows, so it is not read (it is not damaged: a newer version wrote it, and it is left as it is). Install that version (or a newer one), or restore a backup made by this version (express-report restore).',
  },
  ER_8102: {
    kind: 'internal',
    ja: '形式のスタンプ {path} を読めません: {reason}。バックアップを復元するか、"format" に形式の番号を持つ JSON に直してください。',
    en: 'Cannot read the format stamp {path}: {reason}. Restore a backup, or make it a JSON object whose "format" is the format number.',
  },
  ER_8103: {
    kind: 'information',
    ja: '{folder} フォルダ {path} を形式 {from} から {to} に移行しました: {description}',
    en: 'Migrated the {folder} folder {path} from format {from} to {to}: {description}',
  },
  ER_8104: {
    kind: 'information',
    ja: '移行するものはありません: 設定フォルダ {config} は形式 {configFormat}、状態フォルダ {state} は形式 {stateFormat} です(最新)。',
    en: 'Nothing to migrate: the config folder {config} is in format {configFormat}, the state folder {state} in format {stateFormat} (current).',
  },
  ER_8105: {
    kind: 'internal',
    ja: '状態フォルダ {path} の通報サービスが動作中です(プロセス {pid})。先に停止してください(systemctl stop express-report、または express-report service のプロセスを終了)。何も変更していません。',
    en: 'A reporting service is running for the state folder {path} (process {pid}). Stop it first (systemctl stop express-report, or end the express-report service process). Nothing was changed.',
  },
  ER_8106: {
    kind: 'internal',
    ja: '{folder} フォルダ {path} の形式 {from} から {to} への移行が途中で失敗しました({step}: {reason})。各手順は完了か未実施のどちらかです。原因を取り除いて express-report migrate をもう一度実行してください。',
    en: 'Migrating the {folder} folder {path} from format {from} to {to} failed part-way ({step}: {reason}). Each step is either done or not: remove the cause and run express-report migrate again.',
  },
  // ---- backup
  ER_8110: {
    kind: 'internal',
    ja: '{path} のディスクの空き {free} バイトが、必要な {need} バイト(アーカイブ {size} バイトの 2 倍)に足りません。何も書き込んでいません。',
    en: "The disk holding {path} has {free} bytes free, less than the {need} needed (twice the archive's {size} bytes). Nothing was written.",
  },
  ER_8111: {
    kind: 'information',
    ja: 'バックアップを作成しました: {path}({count} ファイル、{size} バイト)',
    en: 'Backup written: {path} ({count} files, {size} bytes)',
  },
  ER_8112: {
    kind: 'information',
    ja: '古いバックアップを削除しました(新しい {keep} 個を残します): {path}',
    en: 'Removed an older backup (the newest {keep} are kept): {path}',
  },
  ER_8113: {
    kind: 'internal',
    ja: 'バックアップ {path} を作成できません: {reason}',
    en: 'Cannot write the backup {path}: {reason}',
  },
  // ---- restore: the archive is checked whole before anything is written
  ER_8120: {
    kind: 'internal',
    ja: '{file} はこの製品のバックアップではありません: {reason}。何も変更していません。',
    en: '{file} is not a backup of this product: {reason}. Nothing was changed.',
  },
  ER_8121: {
    kind: 'internal',
    ja: 'バックアップ {file} の {name} の SHA-256 が目録と一致しません(改変または破損)。何も変更していません。',
    en: 'In the backup {file}, the SHA-256 of {name} differs from its manifest (altered or damaged). Nothing was changed.',
  },
  ER_8122: {
    kind: 'internal',
    ja: 'バックアップ {file} が上限を超えています: {what} {size}(上限 {limit})。何も変更していません。',
    en: 'The backup {file} is over a limit: {what} {size} (limit {limit}). Nothing was changed.',
  },
  ER_8123: {
    kind: 'internal',
    ja: 'バックアップ {file} に使えない名前 {name} があります(絶対パス、..、重複、目録にない名前)。何も変更していません。',
    en: 'The backup {file} holds an entry name that cannot be used: {name} (absolute, .., a duplicate, or not in its manifest). Nothing was changed.',
  },
  ER_8124: {
    kind: 'internal',
    ja: '復元が途中で失敗しました({step}: {reason})。フォルダは元に戻しました。',
    en: 'The restore failed part-way ({step}: {reason}). The folders were put back as they were.',
  },
  ER_8125: {
    kind: 'information',
    ja: '{file} から設定フォルダ {config} と状態フォルダ {state} を復元しました({createdAt} に {host} で版 {version} が作成、理由: {reason})。',
    en: 'Restored the config folder {config} and the state folder {state} from {file} (made {createdAt} on {host} by version {version}; reason: {reason}).',
  },
  ER_8126: {
    kind: 'warning',
    ja: '復元は完了しましたが、退避したフォルダ {path} を削除できませんでした: {reason}。手で削除してください。',
    en: 'The restore is complete, but the set-aside folder {path} could not be removed: {reason}. Remove it by hand.',
  },
  ER_8127: {
    kind: 'internal',
    ja: 'バックアップ {file} はこの版 {ours} より新しい版 {version} で作成されています(ダウングレード)。形式は読めるため、--force を付ければ復元します。何も変更していません。',
    en: 'The backup {file} was made by version {version}, newer than this {ours} (a downgrade). Its formats are readable: add --force to restore it anyway. Nothing was changed.',
  },
} as const satisfies Record<string, MessageDef>;
