/**
 * The original's menus, drawn in the page so the window is the same in Electron and in the browser, with the keyboard of
 * a Windows menu bar (menu-keys.ts): F10 or Alt (pressed and released) enter it, arrows move, every title and item has its
 * access key (underlined; Alt + the title's letter opens a menu from anywhere in the main window), Esc goes back. A command
 * that opens a dialog gives the keyboard back first to where it was, so the dialog returns it there when it closes.
 * ARIA menubar pattern: one title in the Tab order (roving tabindex), `menu` / `menuitem`, `aria-keyshortcuts`.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { accessLetter, topModal } from './keyboard.js';
import { menuKey, type MenuAction, type MenuShape } from './menu-keys.js';
import { endServiceRefusal, extendExpiryRefusal } from '../../shared/host/lifecycle-actions.js';
import { pauseRefusal, resumeRefusal, type MaintenanceOverlay } from '../../shared/host/maintenance.js';
import { type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { type ExportView } from '../../shared/host/api.js';
import { transferItems } from '../transfer/menu.js';
import { fleetItem } from '../fleet/menu.js';

export interface MenuItem {
  id: string;
  ja: string;
  en: string;
  /** The access key (the underlined letter), unique within its menu. */
  key: string;
  run(): void;
  /** Why the item cannot be chosen now (greyed, not run; shown as its tooltip and in the guide line), if it cannot. */
  disabled?: LocalizedText;
}
export interface Menu {
  id: string;
  ja: string;
  en: string;
  key: string;
  items: MenuItem[];
}

/**
 * The menus of the settings window (ids are stable; the tests and docs name them). `state`: the lifecycle state, which
 * decides whether サービスの終了 (once started) and サービス有効期限の変更 (once ended) can be chosen (manual chapter 5).
 * `paused`: the maintenance overlay is on (保守中にする only while 運用中 and not paused; 保守を終了 only while paused).
 */
export function windowMenus(
  lang: 'ja' | 'en',
  open: (d: DialogId) => void,
  setLang: (l: 'ja' | 'en') => void,
  onExit: () => void,
  state = 'not-activated',
  paused?: MaintenanceOverlay,
  view?: ExportView,
): Menu[] {
  const dialog = (d: DialogId) => () => open(d);
  const why = (p: Problem | undefined): { disabled?: LocalizedText } => (p ? { disabled: p.message } : {});
  return [
    {
      id: 'file',
      ja: 'ファイル',
      en: 'File',
      key: 'F',
      items: [...transferItems(open, view), fleetItem(open, view), { id: 'exit', ja: '終了', en: 'Exit', key: 'X', run: onExit }],
    },
    {
      id: 'settings',
      ja: '設定',
      en: 'Settings',
      key: 'S',
      items: [
        { id: 'methods', ja: '通報基本設定', en: 'Basic notification settings', key: 'B', run: dialog('methods') },
        { id: 'destinations', ja: '通報先リストの設定', en: 'Destination list', key: 'L', run: dialog('destinations') },
      ],
    },
    {
      id: 'tools',
      ja: 'ツール',
      en: 'Tools',
      key: 'T',
      items: [
        { id: 'wizard', ja: 'エクスプレス通報サービス → サーバー', en: 'Express Report Service → Server', key: 'E', run: dialog('wizard') },
        { id: 'service-end', ja: 'サービスの終了', en: 'End the service', key: 'Q', run: dialog('service-end'), ...why(endServiceRefusal(state)) },
        {
          id: 'service-expiry',
          ja: 'サービス有効期限の変更',
          en: 'Change the expiry',
          key: 'R',
          run: dialog('service-expiry'),
          ...why(extendExpiryRefusal(state)),
        },
        { id: 'maintenance', ja: '保守中にする…', en: 'Pause for maintenance…', key: 'M', run: dialog('maintenance'), ...why(pauseRefusal(state, paused)) },
        { id: 'maintenance-end', ja: '保守を終了', en: 'End the maintenance pause', key: 'U', run: dialog('maintenance-end'), ...why(resumeRefusal(paused)) },
        { id: 'service-status', ja: '通報サービスの状態', en: 'Reporting service status', key: 'S', run: dialog('service-status') },
        // The manager relay's agents (a manager's; an agent's list is empty).
        { id: 'relay-agents', ja: 'エージェント一覧', en: 'Agent list', key: 'A', run: dialog('relay-agents') },
      ],
    },
    {
      id: 'help',
      ja: 'ヘルプ',
      en: 'Help',
      key: 'H',
      items: [
        { id: 'version', ja: 'バージョン情報', en: 'Version information', key: 'A', run: dialog('version') },
        { id: 'lang', ja: 'English', en: '日本語', key: 'L', run: () => setLang(lang === 'ja' ? 'en' : 'ja') },
      ],
    },
  ];
}

/** `終了(X)` with the X underlined; the accessible name is the plain text `終了(X)`. */
function Mnemonic({ text, k }: { text: string; k: string }): ReactNode {
  return (
    <>
      {text}(<u>{k}</u>)
    </>
  );
}

export function MenuBar({ onExit }: { onExit(): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const open = useApp((s) => s.open);
  const setLang = useApp((s) => s.setLang);
  const setGuide = useApp((s) => s.setGuide);
  const state = useApp((s) => s.snapshot?.settings['activation.state'] ?? 'not-activated');
  const paused = useApp((s) => s.snapshot?.maintenance);
  const view = useApp((s) => s.snapshot?.view);
  const menus = windowMenus(lang, open, setLang, onExit, state, paused, view);
  const shape: MenuShape = { titleKeys: menus.map((m) => m.key), itemKeys: menus.map((m) => m.items.map((i) => i.key)) };

  // `top`: the title in the Tab order; `item`: the item with the keyboard in the open menu (undefined: closed).
  const [top, setTop] = useState(0);
  const [openTop, setOpenTop] = useState<number | null>(null);
  const [item, setItem] = useState(0);
  const titles = useRef<Array<HTMLButtonElement | null>>([]);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const bar = useRef<HTMLDivElement>(null);
  /** Where the keyboard was before the menu bar took it (given back on Esc, Tab, or before a command runs). */
  const returnTo = useRef<HTMLElement | null>(null);
  const inBar = (): boolean => !!bar.current && bar.current.contains(document.activeElement);

  const remember = (): void => {
    if (inBar()) return;
    const a = document.activeElement;
    returnTo.current = a instanceof HTMLElement && a !== document.body ? a : null;
  };
  const focusTitle = (i: number): void => {
    setOpenTop(null);
    setTop(i);
    titles.current[i]?.focus();
  };
  const openMenu = (i: number, it: number): void => {
    setTop(i);
    setOpenTop(i);
    setItem(it);
  };
  /** Leaves the menu bar: the keyboard goes back where it was (or stays on the title when it came from nowhere). */
  const leave = (fallbackTitle?: number): void => {
    setOpenTop(null);
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus();
    else if (fallbackTitle !== undefined) titles.current[fallbackTitle]?.focus();
    else (document.activeElement as HTMLElement | null)?.blur?.();
  };
  /** A command: the menu closes and the keyboard goes back first, so a dialog it opens returns the keyboard there. */
  const run = (t: number, i: number): void => {
    const it = menus[t]?.items[i];
    if (!it || it.disabled) return; // greyed: nothing happens and the menu stays open, as on Windows
    leave(t);
    it.run();
  };
  const act = (a: MenuAction): boolean => {
    switch (a.kind) {
      case 'focus-title':
        focusTitle(a.top);
        return true;
      case 'open':
        openMenu(a.top, a.item);
        return true;
      case 'run':
        run(a.top, a.item);
        return true;
      case 'leave':
        leave();
        return true;
      case 'none':
        return false;
    }
  };

  // The open menu's item with the keyboard gets the focus.
  useEffect(() => {
    if (openTop !== null) items.current[item]?.focus();
  }, [openTop, item]);

  // F10, and Alt pressed and released alone, enter or leave the menu bar; Alt + a title's letter opens its menu.
  // Not while a modal dialog is in front: its own access keys apply there (keyboard.ts).
  useEffect(() => {
    let altAlone = false;
    const enter = (): void => {
      remember();
      focusTitle(0);
    };
    const down = (e: globalThis.KeyboardEvent): void => {
      if (e.key === 'Alt') {
        altAlone = !e.repeat;
        return;
      }
      altAlone = false;
      if (e.defaultPrevented || topModal()) return;
      if (e.key === 'F10' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        if (inBar()) leave();
        else enter();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.isComposing) {
        const letter = accessLetter(e);
        const t = letter ? shape.titleKeys.findIndex((k) => k.toLowerCase() === letter) : -1;
        if (t >= 0) {
          e.preventDefault();
          remember();
          openMenu(t, 0);
        }
      }
    };
    const up = (e: globalThis.KeyboardEvent): void => {
      if (e.key !== 'Alt' || !altAlone) return;
      altAlone = false;
      if (topModal()) return;
      e.preventDefault();
      if (inBar()) leave();
      else enter();
    };
    const mouse = (e: MouseEvent): void => {
      altAlone = false;
      if (!bar.current?.contains(e.target as Node)) setOpenTop(null);
    };
    // Alt+Tab to another window sends no key in between: its release must not enter the menu bar.
    const away = (): void => {
      altAlone = false;
    };
    // Capture: the menu bar's keys come before any control's and before the dialogs' access keys (keyboard.ts).
    document.addEventListener('keydown', down, true);
    document.addEventListener('keyup', up, true);
    document.addEventListener('mousedown', mouse);
    window.addEventListener('blur', away);
    return () => {
      window.removeEventListener('blur', away);
      document.removeEventListener('keydown', down, true);
      document.removeEventListener('keyup', up, true);
      document.removeEventListener('mousedown', mouse);
    };
    // The listeners read the menus through refs and setters only; the title keys do not change.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    if (e.key === 'F10') return; // the document listener's
    const a = menuKey(shape, { top, item: openTop === null ? undefined : item }, e.key, accessLetter(e.nativeEvent));
    if (a.kind === 'leave' && e.key === 'Tab') {
      leave();
      return;
    } // Tab goes on from where the keyboard was
    if (act(a)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div ref={bar} className="menubar" role="menubar" aria-label={lang === 'ja' ? 'メニュー' : 'Menu'} onKeyDown={onKeyDown} onMouseDownCapture={remember}>
      {menus.map((m, t) => (
        <div key={m.id} className="menu">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={openTop === t}
            tabIndex={t === top ? 0 : -1}
            ref={(el) => {
              titles.current[t] = el;
            }}
            aria-keyshortcuts={`Alt+${m.key}`}
            onClick={() => {
              if (openTop === t) setOpenTop(null);
              else openMenu(t, 0);
            }}
            onMouseEnter={() => {
              if (openTop !== null && openTop !== t) openMenu(t, 0);
            }}
          >
            <Mnemonic text={m[lang]} k={m.key} />
          </button>
          {openTop === t ? (
            <div className="menu-items" role="menu" aria-label={m[lang]}>
              {m.items.map((it, i) => (
                <button
                  key={it.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  ref={(el) => {
                    items.current[i] = el;
                  }}
                  aria-keyshortcuts={it.key.toUpperCase()}
                  data-item={it.id}
                  // Greyed but still reachable by the arrows, so its reason can be read (title, guide line, description).
                  {...(it.disabled ? { 'aria-disabled': true, className: 'disabled', title: it.disabled[lang], 'aria-description': it.disabled[lang] } : {})}
                  onFocus={() => setGuide(it.disabled)}
                  onBlur={() => setGuide(undefined)}
                  onClick={() => run(t, i)}
                  onMouseEnter={() => {
                    setItem(i);
                    if (it.disabled) setGuide(it.disabled);
                  }}
                >
                  <Mnemonic text={it[lang]} k={it.key} />
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
