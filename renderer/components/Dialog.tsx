/** A modal window of the original (ダイアログ): a title, content and OK / Cancel style buttons; Escape cancels. */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  buttons: ReactNode;
  wide?: boolean;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab inside the modal, as a real modal window does. */
function trapTab(e: KeyboardEvent<HTMLDivElement>, root: HTMLElement | null): void {
  const items = root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement) : [];
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
}

export function Dialog({ title, onCancel, children, buttons, wide }: DialogProps): ReactNode {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus moves into the dialog, and back to where it was when the dialog closes (so Escape keeps working below).
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), button:not([disabled])');
    first?.focus();
    return () => { if (before?.isConnected) before.focus(); };
  }, []);
  return (
    <div className="dialog-backdrop">
      <div ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') { e.stopPropagation(); onCancel(); return; }
          if (e.key === 'Tab') trapTab(e, ref.current);
        }}>
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-buttons">{buttons}</div>
      </div>
    </div>
  );
}
