/**
 * The dialogs other than the wizard are not on the first screen: their code is a separate chunk, fetched when the
 * browser is idle after the window is ready (issue 16), or at once when a dialog is opened before that.
 */
import { useEffect, useState } from 'react';
import type { DialogTable } from './dialog-table.js';

let table: DialogTable | undefined;
let pending: Promise<DialogTable> | undefined;

/** The chunk, once; a failed fetch is forgotten so that the next open tries again. */
export function loadDialogs(): Promise<DialogTable> {
  pending ??= import('./dialog-table.js').then(
    (m) => (table = m.dialogTable),
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/** After the window is ready: when the browser has nothing else to do (a timeout so a busy page still gets it). */
export function preloadDialogsWhenIdle(): void {
  const load = () => void loadDialogs().catch(() => undefined); // an open retries and reports it
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 1000 });
  else setTimeout(load, 0);
}

/** The table when loaded; else undefined until it is (`onError`: the fetch failed). */
export function useDialogTable(onError: (e: unknown) => void): DialogTable | undefined {
  const [t, setT] = useState(table);
  useEffect(() => {
    if (t) return;
    let live = true;
    loadDialogs().then(
      (x) => live && setT(x),
      (e: unknown) => live && onError(e),
    );
    return () => {
      live = false;
    };
  }, [t, onError]);
  return t;
}
