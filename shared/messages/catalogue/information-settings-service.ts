/**
 * Information: the settings checked, saved and remembered; the service started, stopped, and its settings applied.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_6001-6014.
 */
import { type MessageDef } from '../message-def.js';

export const informationSettingsServiceMessages = {
  ER_6001: {
    kind: 'information',
    ja: '設定に誤りはありません({files} ファイル、{settings} 項目、{warnings} 件の警告)。',
    en: 'The settings are valid ({files} files, {settings} settings, {warnings} warning(s)).',
  },
  ER_6002: { kind: 'information', ja: '既定の設定を {path} に作成しました。', en: 'Wrote the default settings to {path}.' },
  ER_6003: { kind: 'information', ja: '{key} を設定しました。', en: '{key} has been set.' },
  ER_6004: {
    kind: 'information',
    ja: '開局しました(サーバ名称 {serverName}、状態 {state})。次はテスト通報です。',
    en: 'Activated (server name {serverName}, state {state}). Next: a test notification.',
  },
  ER_6005: {
    kind: 'warning',
    ja: '設定は保存しましたが、{label}をこのコンピュータに記憶できませんでした: {reason}',
    en: 'The settings were saved, but {label} was not remembered on this computer: {reason}',
  },
  ER_6006: {
    kind: 'warning',
    ja: '記憶した{label}を読み出せないため、{label}は変更していません(他の設定は保存しました): {reason}',
    en: 'The remembered {label} could not be read, so {label} was left unchanged (the other settings were saved): {reason}',
  },
  ER_6007: { kind: 'information', ja: '{label}をこのコンピュータに記憶しました({account})。', en: '{label} is remembered on this computer ({account}).' },
  ER_6008: {
    kind: 'information',
    ja: 'このコンピュータに記憶したパスワード {account} を削除しました。',
    en: 'Forgot the password remembered on this computer for {account}.',
  },
  ER_6010: { kind: 'information', ja: '通報サービスを開始しました(状態フォルダ {path})。', en: 'The reporting service started (state folder {path}).' },
  ER_6011: { kind: 'information', ja: '通報サービスを停止しました。', en: 'The reporting service stopped.' },
  ER_6012: { kind: 'information', ja: '変更された設定を適用しました({files})。', en: 'Applied the changed settings ({files}).' },
  ER_6013: { kind: 'information', ja: 'イベント {source} {id} を受け付けました。', en: 'Accepted event {source} {id}.' },
  ER_6014: {
    kind: 'information',
    ja: 'フォルダ {path} が置き換えられた(または再作成された)ため、新しいフォルダの監視を再開し、設定を読み込み直します。',
    en: 'The folder {path} was replaced (or created again): the new folder is watched and the settings are read again.',
  },
} satisfies Record<string, MessageDef>;
