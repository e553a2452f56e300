/** The alert manager settings window (アラートマネージャ設定ウィンドウ): menus, event tree, dialogs, guide, state, event log. */
import { useEffect, type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { MenuBar } from '../components/MenuBar.js';
import { StatusBar } from '../components/StatusBar.js';
import { EventPanel } from '../components/EventPanel.js';
import { EventTree } from '../components/EventTree.js';
import { settingsDialogs } from '../settings/index.js';
import { SetupWizard } from '../wizard/SetupWizard.js';
import { type DialogId } from '../store.js';

function DialogHost({ id }: { id: DialogId }): ReactNode {
  if (id === 'wizard') return <SetupWizard />;
  const D = settingsDialogs[id];
  return D ? <D /> : null;
}

export function App({ onExit }: { onExit(): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const dialogs = useApp((s) => s.dialogs);
  const refresh = useApp((s) => s.refresh);
  const loadError = useApp((s) => s.loadError);
  const snapshot = useApp((s) => s.snapshot);
  const note = useApp((s) => s.note);
  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);

  return (
    <div className="window" data-ready={snapshot ? 'true' : 'false'}>
      <header className="titlebar">
        <h1>{lang === 'ja' ? 'アラートマネージャ設定ウィンドウ' : 'Alert Manager Settings'}</h1>
      </header>
      <MenuBar onExit={onExit} />
      <main className="main">
        <EventTree onTest={(e) => note('info', {
          ja: `通報テストは通報サービスの起動後に使用できます(${e.source} ${e.id})。`,
          en: `The test report needs the running service (${e.source} ${e.id}).`,
        })} />
        <div className="content">
          {loadError ? <p role="alert">{loadError}</p> : null}
          {snapshot ? (
            <p className="welcome">
              {lang === 'ja'
                ? '[設定]-[通報基本設定] で通報手段を、[ツール] で開局(設定ユーティリティ)を設定します。'
                : 'Use Settings → Basic notification settings for routes, and Tools for activation (the setup utility).'}
            </p>
          ) : null}
        </div>
      </main>
      <EventPanel />
      <StatusBar />
      {dialogs.map((d) => <DialogHost key={d} id={d} />)}
    </div>
  );
}
