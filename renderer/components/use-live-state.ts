/**
 * What the state bar needs to stay true without a click: the running service's status and the saved settings, asked
 * again when they may have changed (the window's snapshot changed, the window became visible again) and every
 * LIVE_STATE_INTERVAL_MS while the window is visible, never while it is hidden. Both are queries without side effects
 * (HostApi `serviceStatus` and `snapshot` write nothing, not even an event-log line), so polling them is harmless.
 * The snapshot is refreshed only while no dialog is open (a dialog edits on top of it) and set only when it differs,
 * so the command line changing the state (test-notify, end-service) shows here within one interval.
 */
import { useEffect, useState } from 'react';
import { type HostApi, type ServiceStatus, type SystemServiceState } from '../../shared/host/api.js';
import { type Problem } from '../../shared/messages/problem.js';
import { useApp, useAppStore } from '../store-context.js';

export const LIVE_STATE_INTERVAL_MS = 5000;

/**
 * running: the service answered; stopped: no service runs for the state folder (`system`: a system service is
 * installed here but stopped, HostApi systemService); unknown: the query failed (why).
 */
export type ServiceLiveness =
  | { kind: 'loading' }
  | { kind: 'running'; status: ServiceStatus }
  | { kind: 'stopped'; system?: SystemServiceState }
  | { kind: 'unknown'; reason: string; problem?: Problem };

/** Stopped: is a system service installed that should be started instead (a failed look says nothing more)? */
async function stopped(host: HostApi): Promise<ServiceLiveness> {
  const system = await host.systemService().catch(() => undefined);
  return system?.installed ? { kind: 'stopped', system } : { kind: 'stopped' };
}

const visible = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden';

export function useLiveState(intervalMs = LIVE_STATE_INTERVAL_MS): ServiceLiveness {
  const host = useApp((s) => s.host);
  const snapshot = useApp((s) => s.snapshot);
  const store = useAppStore();
  const [live, setLive] = useState<ServiceLiveness>({ kind: 'loading' });
  useEffect(() => {
    // Not before the window's first load is answered: that one request is all the first screen waits for (issue 16).
    if (!snapshot) return;
    let gone = false;
    let asking = false; // one question at a time per effect; a newer effect (the snapshot changed) asks at once
    const ask = async (withSnapshot: boolean): Promise<void> => {
      if (asking || !visible()) return;
      asking = true;
      try {
        const [status, next] = await Promise.all([
          host.serviceStatus().then(
            (s): ServiceLiveness | Promise<ServiceLiveness> => (s ? { kind: 'running', status: s } : stopped(host)),
            (e: unknown): ServiceLiveness => {
              // A host refusal carries its Problems (HostCallError); anything else is shown by its text.
              const p = hasProblems(e) ? e.problems[0] : undefined;
              return { kind: 'unknown', reason: e instanceof Error ? e.message : String(e), ...(p ? { problem: p } : {}) };
            },
          ),
          withSnapshot && store.getState().dialogs.length === 0 ? host.snapshot().catch(() => undefined) : Promise.resolve(undefined),
        ]);
        if (gone) return;
        setLive(status);
        const st = store.getState();
        if (next && st.dialogs.length === 0 && JSON.stringify(next) !== JSON.stringify(st.snapshot)) st.setSnapshot(next);
      } finally {
        asking = false;
      }
    };
    void ask(false); // the snapshot just changed (or was just loaded): only the service is asked now
    const timer = setInterval(() => {
      void ask(true);
    }, intervalMs);
    const onVisible = (): void => {
      if (visible()) void ask(true);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      gone = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [host, store, snapshot, intervalMs]);
  return live;
}

function hasProblems(e: unknown): e is { problems: readonly Problem[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { problems?: unknown }).problems);
}
