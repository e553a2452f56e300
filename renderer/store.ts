/** The window's state (zustand). Host data comes only from HostApi; nothing here is persisted except the language. */
import { create } from 'zustand';
import { type Lang, type LocalizedText } from '../shared/messages/text.js';
import { type AppSnapshot, type EventEntry, type ExportView, type HostApi, type Resources } from '../shared/host/api.js';
import { problemsOf } from '../shared/host/errors.js';
import { type Problem } from '../shared/messages/problem.js';
import { initialLang } from './i18n.js';

/** Which window is in front of the main window (the original's dialogs). */
export type DialogId =
  | 'methods' // 通報基本設定 → 通報手段の設定
  | 'express' // エクスプレス通報サービスの基本設定
  | 'mail'
  | 'mail-auth'
  | 'dialup'
  | 'manager'
  | 'https'
  | 'suppression'
  | 'relay' // マネージャからのエクスプレス通報 (manager side)
  | 'relay-https' // マネージャからのエクスプレス(HTTPS)通報の基本設定
  | 'relay-mail' // its forwarding over e-mail (the mail dialog, saving only)
  | 'relay-dialup' // its forwarding over dial-up (一括通報)
  | 'relay-agents' // エージェント一覧 (ツール menu)
  | 'https-manager' // エクスプレス通報サービス(HTTPS)(マネージャ経由)の設定 (agent side)
  | 'destinations' // 通報先リストの設定
  | 'id-settings'
  | 'schedule'
  | 'wizard' // 設定ユーティリティ
  | 'service-end' // サービスの終了 (once 運用中)
  | 'service-expiry' // サービス有効期限の変更 (once ended)
  | 'maintenance'
  | 'maintenance-end' // 保守中にする / 保守を終了 (an overlay on 運用中)
  | 'version'
  | 'service-status' // 通報サービスの状態
  | 'export' // ファイル → エクスポート
  | 'import' // ファイル → インポート
  | 'open-export' // ファイル → エクスポートを開く
  | 'fleet'; // ファイル → 一括準備

export interface AppState {
  host: HostApi;
  lang: Lang;
  snapshot?: AppSnapshot;
  resources?: Resources;
  /** The guide message (説明) of the focused field, shown at the bottom of the window. */
  guide?: LocalizedText;
  dialogs: DialogId[];
  /** The host's log merged with this window's own notes, oldest first. */
  events: EventEntry[];
  /** Notes made in this window only (not written by the host). */
  local: EventEntry[];
  /** Why the window could not load (the host's problems whole, shown in the window's language). */
  loadError?: readonly Problem[];
  /** エクスポートを開く: the read-only view this window shows instead of the machine (main.tsx), by the host's view id. */
  view?: { id: string; banner: ExportView };
  enterView(view: { id: string; banner: ExportView }): void;
  leaveView(): void;
  setLang(lang: Lang): void;
  setGuide(guide: LocalizedText | undefined): void;
  open(d: DialogId): void;
  close(d?: DialogId): void;
  refresh(): Promise<void>;
  setSnapshot(s: AppSnapshot): void;
  note(level: EventEntry['level'], text: LocalizedText, code?: string): void;
}

export const MAX_EVENTS = 1000;

/** A coded note the host logged too (same code and words, within a minute; e.g. 通報テスト's outcome) shows once. */
function echoed(e: EventEntry, host: EventEntry[]): boolean {
  return e.code !== undefined && host.some((h) => h.code === e.code && h.text.ja === e.text.ja && Math.abs(Date.parse(h.at) - Date.parse(e.at)) < 60_000);
}

/** Host entries and local notes in time order (stable), the newest MAX_EVENTS. */
function merge(host: EventEntry[], local: EventEntry[]): EventEntry[] {
  return [...host, ...local.filter((e) => !echoed(e, host))]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map((x) => x.e)
    .slice(-MAX_EVENTS);
}

export function createAppStore(host: HostApi) {
  let inflight: Promise<void> | undefined;
  return create<AppState>((set, get) => ({
    host,
    lang: initialLang(),
    dialogs: [],
    events: [],
    local: [],
    setLang: (lang) => {
      localStorage.setItem('express-report-lang', lang);
      document.documentElement.lang = lang;
      set({ lang });
    },
    setGuide: (guide) => set({ guide }),
    enterView: (view) => set({ view }),
    leaveView: () => set({ view: undefined }),
    open: (d) => set({ dialogs: [...get().dialogs.filter((x) => x !== d), d] }),
    close: (d) => set({ dialogs: d ? get().dialogs.filter((x) => x !== d) : get().dialogs.slice(0, -1), guide: undefined }),
    // One load at a time: main.tsx starts it before the first render, and the window's mount joins it.
    refresh: () => {
      inflight ??= (async () => {
        try {
          // One request (issue 16): snapshot, resources and event log in one answer.
          const { snapshot, resources, events } = await host.windowLoad();
          set({ snapshot, resources, events: merge(events, get().local), loadError: undefined });
        } catch (e) {
          set({ loadError: problemsOf(e) });
        } finally {
          inflight = undefined;
        }
      })();
      return inflight;
    },
    setSnapshot: (snapshot) => {
      set({ snapshot });
      void host.eventLog().then((events) => set({ events: merge(events, get().local) }));
    },
    note: (level, text, code) => {
      const e: EventEntry = { at: new Date().toISOString(), level, text, ...(code ? { code } : {}) };
      set({ local: [...get().local, e].slice(-MAX_EVENTS), events: [...get().events, e].slice(-MAX_EVENTS) });
    },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
