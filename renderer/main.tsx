import { createRoot } from 'react-dom/client';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { connectBridge, hostApiOver } from './host-client.js';
import { createAppStore } from './store.js';
import { withFirstAnswer } from './first-answer.js';
import { StoreContext } from './store-context.js';
import { App } from './app/App.js';

const bridge = withFirstAnswer(connectBridge());
const store = createAppStore(hostApiOver(bridge));
void store.getState().refresh(); // the host answers while React renders the window
const exit = () => {
  // Everything is saved when each dialog's OK succeeds, so closing never loses or half-writes anything.
  window.close();
};

/**
 * The window, or the read-only view of an export opened from its ファイル menu (エクスポートを開く): the same App over the
 * host's view (`view.<id>.<method>`, whose host refuses every write), in place of the machine until 閉じる.
 */
function Root(): ReactNode {
  const view = useStore(store, (s) => s.view);
  const viewStore = useMemo(() => (view ? createAppStore(hostApiOver(bridge, view.id)) : undefined), [view]);
  if (viewStore && view) {
    const back = () => store.getState().leaveView();
    return (
      <StoreContext.Provider value={viewStore}>
        <App key={view.id} onExit={back} onCloseView={back} />
      </StoreContext.Provider>
    );
  }
  return (
    <StoreContext.Provider value={store}>
      <App onExit={exit} />
    </StoreContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
