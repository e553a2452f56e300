/** A modal window of the original (ダイアログ): a title, content and OK / Cancel style buttons; Escape cancels. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  buttons: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, onCancel, children, buttons, wide }: DialogProps): ReactNode {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), button:not([disabled])');
    first?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }}>
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-buttons">{buttons}</div>
      </div>
    </div>
  );
}
