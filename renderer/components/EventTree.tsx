/** The left pane: イベントログ → システム → source → event ID, from the monitored-event defaults in resources/. */
import { useState, type ReactNode } from 'react';
import { type MonitoredEvent } from '../../shared/host/api.js';
import { useApp } from '../store-context.js';

const NO_EVENTS: readonly MonitoredEvent[] = [];

export function EventTree({ onTest }: { onTest(e: MonitoredEvent): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const events = useApp((s) => s.resources?.monitoredEvents) ?? NO_EVENTS;
  const [menu, setMenu] = useState<{ x: number; y: number; event: MonitoredEvent } | null>(null);
  const sources = [...new Set(events.map((e) => e.source))].sort();
  return (
    <nav className="event-tree" aria-label={lang === 'ja' ? 'イベントツリー' : 'Event tree'} onClick={() => setMenu(null)}>
      <ul role="tree" aria-label={lang === 'ja' ? 'イベントログ' : 'Event log'}>
        <li role="treeitem" aria-expanded="true" aria-selected="false">
          <span>{lang === 'ja' ? 'イベントログ' : 'Event log'}</span>
          <ul role="group">
            <li role="treeitem" aria-expanded="true" aria-selected="false">
              <span>{lang === 'ja' ? 'システム' : 'System'}</span>
              <ul role="group">
                {sources.map((src) => (
                  <li key={src} role="treeitem" aria-expanded="true" aria-selected="false">
                    <span>{src}</span>
                    <ul role="group">
                      {events
                        .filter((e) => e.source === src)
                        .map((e) => (
                          <li
                            key={e.id}
                            role="treeitem"
                            aria-selected="false"
                            tabIndex={0}
                            title={e.text[lang]}
                            onContextMenu={(ev) => {
                              ev.preventDefault();
                              setMenu({ x: ev.clientX, y: ev.clientY, event: e });
                            }}
                            onKeyDown={(ev) => {
                              if (ev.key === 'ContextMenu' || (ev.shiftKey && ev.key === 'F10')) {
                                const r = ev.currentTarget.getBoundingClientRect();
                                setMenu({ x: r.left + 20, y: r.bottom, event: e });
                              }
                            }}
                          >
                            {e.id} / {parseInt(e.id, 16) & 0xffff}
                          </li>
                        ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </li>
          </ul>
        </li>
      </ul>
      {menu ? (
        <div className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }}>
          <button
            type="button"
            role="menuitem"
            autoFocus
            onClick={() => {
              setMenu(null);
              onTest(menu.event);
            }}
          >
            {lang === 'ja' ? '通報テスト' : 'Test report'}
          </button>
        </div>
      ) : null}
    </nav>
  );
}
