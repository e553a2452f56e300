/**
 * The read-only view of an export (AppSnapshot.view): a banner naming the file, the server and the date, and every
 * control of the window and its dialogs disabled. The host refuses every write of a view anyway (ER_3526); this only
 * makes the page say so before a click.
 */
import { useEffect, type ReactNode } from 'react';
import { type ExportView } from '../../shared/host/api.js';
import { KeyButton } from '../components/Mnemonic.js';
import { useApp } from '../store-context.js';
import { VIEW_TEXT as X } from './view-text.js';

const CONTROLS = 'input, select, textarea';

/** Disables every input, select and text area of the page, now and as dialogs open, while `on`. */
export function useReadOnlyControls(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const el = document.body;
    const lock = (): void => {
      for (const c of el.querySelectorAll<HTMLInputElement>(CONTROLS)) if (!c.disabled) c.disabled = true;
    };
    lock();
    const watch = new MutationObserver(lock);
    watch.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    return () => watch.disconnect();
  }, [on]);
}

export function ViewBanner({ view, onClose }: { view: ExportView; onClose?: () => void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const at = new Date(view.createdAt);
  const when = Number.isNaN(at.getTime()) ? view.createdAt : at.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <div className="view-banner" role="note" data-testid="view-banner">
      <strong>{X.banner[lang]}</strong> {view.file} ・ {X.server[lang]}: {view.serverName || '-'} ・ {X.made[lang]}: {when}
      {onClose ? <KeyButton text={X.close[lang]} onClick={onClose} /> : null}
    </div>
  );
}
