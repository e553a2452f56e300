/**
 * A modal window of the original (ダイアログ): a title, content and OK / Cancel style buttons. The keyboard as on Windows
 * (keyboard.ts): it opens on its first editable field, Enter presses the default button (the one marked DEFAULT_BUTTON),
 * Escape cancels, Tab stays inside, and when it closes the keyboard goes back to the control that opened it.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { defaultButton, enterPressesDefault, initialFocus, modalOf } from './keyboard.js';

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
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * Who opened each dialog on screen. A dialog that replaces another (the setup utility after its confirmation) was opened
 * from inside the one that went away; it then returns the keyboard to that one's opener.
 */
const openers = new WeakMap<HTMLElement, HTMLElement>();

function openerNow(): HTMLElement | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return undefined;
  return active;
}

/** The opener if it is still there; else the window it was in, if that is still open; else that window's opener. */
function restoreTarget(before: HTMLElement | undefined, outer: HTMLElement | undefined): HTMLElement | undefined {
  if (before?.isConnected) return before;
  if (outer?.isConnected) return initialFocus(outer);
  const fallback = outer ? openers.get(outer) : undefined;
  return fallback?.isConnected ? fallback : undefined;
}

export function Dialog({ title, onCancel, children, buttons, wide }: DialogProps): ReactNode {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const self = ref.current;
    if (!self) return;
    // The control that opened the dialog; if that was inside a dialog (now closing), also that dialog's own opener.
    const found = openerNow();
    const before = found && !self.contains(found) ? found : undefined;
    const outer = before ? modalOf(before) : undefined;
    if (before) openers.set(self, before);
    // A control inside that already took the keyboard (a question's safe answer) keeps it.
    if (!self.contains(document.activeElement)) initialFocus(self)?.focus();
    return () => {
      // Only when the keyboard would otherwise be lost (it was in this dialog): never steal it from where it went.
      const active = document.activeElement;
      if (active && active !== document.body && !self.contains(active)) return;
      restoreTarget(before, outer)?.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key === 'Tab') {
      trapTab(e, ref.current);
      return;
    }
    if (e.key !== 'Enter' || e.defaultPrevented || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const self = ref.current;
    // Enter in a message box over this dialog is that box's; Enter that means something itself is left alone.
    if (!self || modalOf(e.target as Element) !== self || !enterPressesDefault(e.target as Element)) return;
    const def = defaultButton(self);
    if (!def) return;
    // Also stops a form's implicit submission, so the default button is pressed once.
    e.preventDefault();
    if (!def.disabled) def.click();
  };

  return (
    <div className="dialog-backdrop">
      <div ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-buttons">{buttons}</div>
      </div>
    </div>
  );
}
