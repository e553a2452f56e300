/** The alert manager settings window (アラートマネージャ設定ウィンドウ): menus, event tree, dialogs, guide, state, event log. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { message } from '../../shared/messages/problem.js';
import { useApp, useAppStore } from '../store-context.js';
import { MenuBar } from '../components/MenuBar.js';
import { installAccessKeys } from '../components/keyboard.js';
import { StatusBar } from '../components/StatusBar.js';
import { EventPanel } from '../components/EventPanel.js';
import { EventTree } from '../components/EventTree.js';
import { EventTestProgress, type Tracked } from '../components/EventTestProgress.js';
import { preloadDialogsWhenIdle, useDialogTable } from './dialogs.js';
import { useReadOnlyControls, ViewBanner } from '../transfer/ViewBanner.js';
import { SetupWizard } from '../wizard/SetupWizard.js';
import { type DialogId } from '../store.js';
import { type MonitoredEvent } from '../../shared/host/api.js';
import { eventTestLine } from '../../shared/host/event-test.js';
import { problemsOf } from '../../shared/host/errors.js';
import { ProblemView } from '../components/ProblemView.js';
import { problemLine } from '../components/problem-text.js';

/** The wizard is in the first chunk (opening it must not wait for a fetch); the other dialogs come from their chunk. */
function DialogHost({ id }: { id: DialogId }): ReactNode {
  if (id === 'wizard') return <SetupWizard />;
  return <LazyDialog id={id} />;
}

function LazyDialog({ id }: { id: DialogId }): ReactNode {
  const note = useApp((s) => s.note);
  const close = useApp((s) => s.close);
  const failed = useCallback(
    (e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e);
      note('error', message('ER_8300', { reason }), 'ER_8300');
      close(id);
    },
    [note, close, id],
  );
  const table = useDialogTable(failed);
  const D = table?.[id];
  return D ? <D /> : null;
}

/** `onCloseView`: this window shows a read-only view of an export (エクスポートを開く), and 閉じる goes back to the machine. */
export function App({ onExit, onCloseView }: { onExit(): void; onCloseView?: () => void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const dialogs = useApp((s) => s.dialogs);
  const refresh = useApp((s) => s.refresh);
  const loadError = useApp((s) => s.loadError);
  const snapshot = useApp((s) => s.snapshot);
  const note = useApp((s) => s.note);
  const host = useApp((s) => s.host);
  const appStore = useAppStore();
  useEffect(() => {
    // main.tsx starts the load before the first render; with serve's first answer in the page it is done already.
    if (appStore.getState().snapshot === undefined) void refresh();
  }, [refresh, appStore]);
  const [tracked, setTracked] = useState<Tracked | undefined>();
  useReadOnlyControls(snapshot?.view !== undefined);

  /** 通報テスト: the event goes to the running service as if it had happened; its outcome goes to the event panel. */
  const testEvent = async (e: MonitoredEvent): Promise<void> => {
    const req = { source: e.source, id: e.id };
    try {
      const r = await host.testEvent(req);
      const line = eventTestLine(req, r);
      if (line) note(line.level, line.text, line.code);
      // Accepted (or counted in a waiting report): follow that report until it is delivered or expires.
      if (r.ok && r.outcome.result !== 'ignored') setTracked({ reportId: r.outcome.reportId, source: e.source, id: e.id });
    } catch (err) {
      // The host's problems whole, in both languages: the event panel shows the window's language.
      const ps = problemsOf(err);
      const why = (lang: 'ja' | 'en') => ps.map((p) => problemLine(p, lang)).join(' ');
      note('error', { ja: `通報テストに失敗しました(${e.source} ${e.id}): ${why('ja')}`, en: `The test report failed (${e.source} ${e.id}): ${why('en')}` });
    }
  };
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // Alt + an underlined letter, in the dialog in front or else in the main window (docs/desktop-app.md, Keyboard).
  useEffect(() => installAccessKeys(document), []);
  const ready = snapshot !== undefined;
  useEffect(() => {
    if (ready) preloadDialogsWhenIdle();
  }, [ready]);

  return (
    <div className="window" data-ready={snapshot ? 'true' : 'false'}>
      <header className="titlebar">
        <h1>{lang === 'ja' ? 'アラートマネージャ設定ウィンドウ' : 'Alert Manager Settings'}</h1>
        {snapshot?.view ? <ViewBanner view={snapshot.view} {...(onCloseView ? { onClose: onCloseView } : {})} /> : null}
      </header>
      <MenuBar onExit={onExit} />
      <main className="main">
        <EventTree
          onTest={(e) => {
            void testEvent(e);
          }}
        />
        <div className="content">
          {loadError ? (
            <div role="alert" className="field-error">
              {loadError.map((p, i) => (
                <ProblemView key={i} problem={p} />
              ))}
            </div>
          ) : null}
          {tracked ? <EventTestProgress key={tracked.reportId} tracked={tracked} onDone={() => setTracked(undefined)} /> : null}
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
      {dialogs.map((d) => (
        <DialogHost key={d} id={d} />
      ))}
    </div>
  );
}
