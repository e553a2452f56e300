import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { type AppState, type AppStore } from './store.js';

export const StoreContext = createContext<AppStore | null>(null);

/** Selects from the app store given by <StoreContext.Provider>. */
export function useApp<T>(select: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return useStore(store, select);
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside StoreContext');
  return store;
}
