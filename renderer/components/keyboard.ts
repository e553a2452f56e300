/**
 * The keyboard as on Windows, for the whole window (docs/desktop-app.md, "Keyboard"):
 * - access keys: Alt + the underlined letter acts on the control that carries it, in the dialog in front (or in the main
 *   window when none is open). Our own dispatcher, not the HTML `accesskey` attribute: the browser handles that one before
 *   the page sees the key, picks the first element in the document with the letter (the menu bar behind a modal dialog) and
 *   cannot be told which window is in front.
 * - Enter presses the dialog's default button (OK / 次へ), except where Enter has a meaning of its own.
 * - a dialog opens on its first editable field.
 * DOM only (no React), so the rules are unit-tested on their own.
 */

/** Marks the default button of a dialog (pressed by Enter): spread onto the <button>. */
export const DEFAULT_BUTTON = { 'data-default': 'true' } as const;

/** The letter or digit of a label's access key, e.g. `追加(A)` → `A`, `次へ(N) >` → `N`; undefined when it has none. */
export function accessKeyOf(label: string): string | undefined {
  const all = [...label.matchAll(/\(([A-Za-z0-9])\)/g)];
  return all.at(-1)?.[1]?.toUpperCase();
}

/** Props that give a control its access key: the dispatcher's mark and the shortcut for assistive technology. */
export function accessKeyProps(key: string | undefined): { 'data-accesskey'?: string; 'aria-keyshortcuts'?: string } {
  if (!key) return {};
  return { 'data-accesskey': key.toLowerCase(), 'aria-keyshortcuts': `Alt+${key.toUpperCase()}` };
}

/** The text of a label with its access key, as the manual prints it: `装置コード(P)`, but `お客様名称(カナ) (M)`. */
export function labelWithKey(text: string, key: string | undefined): string {
  if (!key) return text;
  return `${text}${/[)）]$/.test(text) ? ' ' : ''}(${key.toUpperCase()})`;
}

/** The key of a keyboard event as an access-key letter: from the physical key, so an IME or Alt does not change it. */
export function accessLetter(e: Pick<KeyboardEvent, 'code' | 'key'>): string | undefined {
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(e.code);
  if (m) return (m[1] ?? m[2])!.toLowerCase();
  return e.key.length === 1 && /[A-Za-z0-9]/.test(e.key) ? e.key.toLowerCase() : undefined;
}

const MODAL = '[aria-modal="true"]';

/** The modal window in front: the last one in the document (a message box is rendered inside the dialog that asked). */
export function topModal(doc: Document = document): HTMLElement | undefined {
  const all = doc.querySelectorAll<HTMLElement>(MODAL);
  return all.length > 0 ? all[all.length - 1] : undefined;
}

/** The modal window an element belongs to (undefined: the main window). */
export function modalOf(el: Element): HTMLElement | undefined {
  return el.closest<HTMLElement>(MODAL) ?? undefined;
}

function usable(el: HTMLElement): boolean {
  if ((el as HTMLButtonElement).disabled || el.closest('fieldset:disabled') || el.hidden || el.closest('[hidden], [inert]')) return false;
  return el.getAttribute('aria-hidden') !== 'true';
}

const EDITABLE =
  'input:not([type="hidden"]):not([type="button"]):not([type="submit"]):not([type="reset"]):not([type="file"]):not([type="image"]), select, textarea';

/** The first field a user can change (not read-only, not disabled); for a radio group, its checked radio. */
export function firstEditable(root: ParentNode): HTMLElement | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(EDITABLE)) {
    if (!usable(el) || (el as HTMLInputElement).readOnly || el.tabIndex < 0) continue;
    const input = el as HTMLInputElement;
    if (input.type === 'radio' && !input.checked && input.name) {
      const checked = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.name === input.name && r.checked && usable(r));
      if (checked) return checked;
    }
    return el;
  }
  return undefined;
}

/** The dialog's default button (marked with DEFAULT_BUTTON), if it has one, enabled or not. */
export function defaultButton(dialog: HTMLElement): HTMLButtonElement | undefined {
  return [...dialog.querySelectorAll<HTMLButtonElement>('button[data-default="true"]')].find((b) => modalOf(b) === dialog && !b.hidden);
}

const FOCUSABLE = 'button, input:not([type="hidden"]), select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** Where a dialog's keyboard starts: its first editable field, else its default button, else its first control. */
export function initialFocus(dialog: HTMLElement): HTMLElement | undefined {
  const field = firstEditable(dialog);
  if (field) return field;
  const def = defaultButton(dialog);
  if (def && !def.disabled) return def;
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => usable(el) && el.tabIndex >= 0 && modalOf(el) === dialog);
}

const OWN_ENTER_ROLES = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'option',
  'treeitem',
  'combobox',
  'listbox',
  'gridcell',
]);

/**
 * Whether Enter on this element presses the dialog's default button. Not where Enter means something itself: a
 * multi-line text, a button or link (Enter presses that one), an editable region, a widget with its own Enter.
 */
export function enterPressesDefault(target: Element): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'BUTTON' || tag === 'A' || target.isContentEditable) return false;
  if (tag === 'INPUT' && ['button', 'submit', 'reset', 'image', 'file'].includes((target as HTMLInputElement).type)) return false;
  const role = target.getAttribute('role');
  if (role && OWN_ENTER_ROLES.has(role)) return false;
  return true;
}

/** The elements of a window with this access key, in document order (not those of a modal window inside it). */
export function accessKeyTargets(scope: ParentNode, letter: string, scopeModal: HTMLElement | undefined): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>(`[data-accesskey="${letter.toLowerCase()}"]`)].filter((el) => usable(el) && modalOf(el) === scopeModal);
}

/** What an access key does to its control, as on Windows: a button is pressed, a check box toggled, a radio chosen, a field focused. */
export function actOn(el: HTMLElement): void {
  const target = el instanceof HTMLLabelElement && el.control ? (el.control as HTMLElement) : el;
  if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) {
    target.focus();
    target.click();
    return;
  }
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.focus();
    target.select();
    return;
  }
  if (target instanceof HTMLSelectElement) {
    target.focus();
    return;
  }
  target.click();
}

/**
 * Alt + letter: acts on the control with that access key in the window in front. When several share the letter (as
 * Windows does) the keyboard moves to the next of them instead, so none is pressed by surprise. Returns whether a
 * control had the key.
 */
export function runAccessKey(doc: Document, letter: string): boolean {
  const modal = topModal(doc);
  const targets = accessKeyTargets(modal ?? doc, letter, modal);
  if (targets.length === 0) return false;
  if (targets.length === 1) {
    actOn(targets[0]!);
    return true;
  }
  const active = doc.activeElement;
  const at = targets.findIndex((t) => t === active || (t instanceof HTMLLabelElement && t.control === active));
  const next = targets[(at + 1) % targets.length]!;
  const focusable = next instanceof HTMLLabelElement && next.control ? (next.control as HTMLElement) : next;
  focusable.focus();
  return true;
}

/** The document-level listener for access keys. */
export function onAccessKeyDown(e: KeyboardEvent): void {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || e.isComposing) return;
  const letter = accessLetter(e);
  if (!letter) return;
  const doc = (e.target as Node | null)?.ownerDocument ?? document;
  if (runAccessKey(doc, letter)) e.preventDefault();
}

/** Installs the access keys for a document (once, by the window); returns the uninstaller. */
export function installAccessKeys(doc: Document = document): () => void {
  doc.addEventListener('keydown', onAccessKeyDown);
  return () => doc.removeEventListener('keydown', onAccessKeyDown);
}
