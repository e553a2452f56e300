/**
 * What the dialogs that ask the running service (通報サービスの状態, エージェント一覧) share: the question asked when
 * opened and on 最新の情報に更新, the dialog with its two buttons, the waiting and failed views, and a readable local time.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { type HostApi } from '../../shared/host/api.js';
import { problemsOf } from '../../shared/host/errors.js';
import { type Problem } from '../../shared/messages/problem.js';
import { Dialog } from '../components/Dialog.js';
import { ProblemView } from '../components/ProblemView.js';
import { useApp } from '../store-context.js';
import { type DialogId } from '../store.js';
import { CloseButton, useT } from './parts.js';

export type Failed = { kind: 'failed'; problems: readonly Problem[] };
export type Asked<T> = { kind: 'loading' } | Failed | T;

/** A local, readable time (the ISO time stays in the tooltip); '' for none. */
export function localTime(iso: string | undefined, lang: 'ja' | 'en'): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
}

/**
 * Asks once on opening and again on `load`; a thrown failure becomes its problems. `ask` must be stable (module level),
 * since the question is remade only when the host changes.
 */
export function useServiceQuery<T extends { kind: string }>(ask: (host: HostApi) => Promise<T | Failed>) {
  const host = useApp((s) => s.host);
  const [loaded, setLoaded] = useState<Asked<T>>({ kind: 'loading' });
  const load = useCallback(async () => {
    setLoaded({ kind: 'loading' });
    try {
      setLoaded(await ask(host));
    } catch (e) {
      setLoaded({ kind: 'failed', problems: problemsOf(e) });
    }
  }, [host, ask]);
  useEffect(() => {
    void load();
  }, [load]);
  return { loaded, setLoaded, load };
}

/** A wide dialog with 最新の情報に更新 (asks again; not while asking) and 閉じる. */
export function QueryDialog({
  id,
  title,
  loaded,
  load,
  children,
}: {
  id: DialogId;
  title: string;
  loaded: { kind: string };
  load(): Promise<void>;
  children: ReactNode;
}): ReactNode {
  const t = useT();
  const close = useApp((s) => s.close);
  return (
    <Dialog
      title={title}
      wide
      onCancel={() => close(id)}
      buttons={
        <>
          <button
            type="button"
            disabled={loaded.kind === 'loading'}
            onClick={() => {
              void load();
            }}
          >
            {t('最新の情報に更新', 'Refresh')}
          </button>
          <CloseButton onClose={() => close(id)} />
        </>
      }
    >
      {children}
    </Dialog>
  );
}

/** While asking, a busy status line. */
export function Asking({ loaded }: { loaded: { kind: string } }): ReactNode {
  const t = useT();
  return loaded.kind === 'loading' ? (
    <p role="status" aria-busy="true">
      {t('通報サービスに問い合わせています...', 'Asking the reporting service...')}
    </p>
  ) : null;
}

/** After a failure, its coded problems as an alert. */
export function AskFailed({ loaded, testId }: { loaded: { kind: string } | Failed; testId?: string }): ReactNode {
  return loaded.kind === 'failed' && 'problems' in loaded ? (
    <div role="alert" className="field-error" data-testid={testId}>
      {loaded.problems.map((p, i) => (
        <ProblemView key={i} problem={p} />
      ))}
    </div>
  ) : null;
}
