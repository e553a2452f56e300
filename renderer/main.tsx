import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { connectHost } from './host-client.js';
import { createAppStore } from './store.js';
import { StoreContext } from './store-context.js';
import { App } from './app/App.js';

const store = createAppStore(connectHost());
void store.getState().refresh(); // the host answers while React renders the window
const exit = () => {
  // Everything is saved when each dialog's OK succeeds, so closing never loses or half-writes anything.
  window.close();
};
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App onExit={exit} />
    </StoreContext.Provider>
  </StrictMode>,
);
