/** The original's menus, drawn in the page so the window is the same in Electron and in the browser. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';

interface Item {
  id: string;
  ja: string;
  en: string;
  run(): void;
}
interface Menu {
  id: string;
  ja: string;
  en: string;
  key: string;
  items: Item[];
}

export function MenuBar({ onExit }: { onExit(): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const open = useApp((s) => s.open);
  const setLang = useApp((s) => s.setLang);
  const [openMenu, setOpenMenu] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const dialog = (d: DialogId) => () => open(d);
  const menus: Menu[] = [
    { id: 'file', ja: 'ファイル', en: 'File', key: 'F', items: [{ id: 'exit', ja: '終了', en: 'Exit', run: onExit }] },
    { id: 'settings', ja: '設定', en: 'Settings', key: 'S', items: [
      { id: 'methods', ja: '通報基本設定', en: 'Basic notification settings', run: dialog('methods') },
      { id: 'destinations', ja: '通報先リストの設定', en: 'Destination list', run: dialog('destinations') },
    ] },
    { id: 'tools', ja: 'ツール', en: 'Tools', key: 'T', items: [
      { id: 'wizard', ja: 'エクスプレス通報サービス → サーバー', en: 'Express Report Service → Server', run: dialog('wizard') },
      { id: 'service-end', ja: 'サービスの終了 / 有効期限の変更', en: 'End service / change expiry', run: dialog('service-end') },
      { id: 'service-status', ja: '通報サービスの状態', en: 'Reporting service status', run: dialog('service-status') },
    ] },
    { id: 'help', ja: 'ヘルプ', en: 'Help', key: 'H', items: [
      { id: 'version', ja: 'バージョン情報', en: 'Version information', run: dialog('version') },
      { id: 'lang', ja: 'English', en: '日本語', run: () => setLang(lang === 'ja' ? 'en' : 'ja') },
    ] },
  ];

  useEffect(() => {
    const close = (e: MouseEvent) => { if (!bar.current?.contains(e.target as Node)) setOpenMenu(null); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  return (
    <div ref={bar} className="menubar" role="menubar" aria-label={lang === 'ja' ? 'メニュー' : 'Menu'}
      onKeyDown={(e) => { if (e.key === 'Escape') setOpenMenu(null); }}>
      {menus.map((m) => (
        <div key={m.id} className="menu">
          <button type="button" role="menuitem" aria-haspopup="menu" aria-expanded={openMenu === m.id} accessKey={m.key.toLowerCase()}
            onClick={() => setOpenMenu(openMenu === m.id ? null : m.id)}>
            {m[lang]}({m.key})
          </button>
          {openMenu === m.id ? (
            <div className="menu-items" role="menu" aria-label={m[lang]}>
              {m.items.map((it) => (
                <button key={it.id} type="button" role="menuitem" autoFocus={it === m.items[0]} onClick={() => { setOpenMenu(null); it.run(); }}>
                  {it[lang]}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
