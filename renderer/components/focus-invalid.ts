/**
 * After OK (or 次へ) was refused: the keyboard goes to the first field marked invalid (aria-invalid) in the window in
 * front, its text selected, so the user can correct it at once. Called when the problems were set; it runs after they
 * are rendered (the marks exist only then), once per refusal.
 */
import { useEffect, useRef, useState } from 'react';
import { type Problem } from '../../shared/messages/problem.js';
import { topModal } from './keyboard.js';

export function focusFirstInvalid(root: ParentNode | undefined = topModal()): HTMLElement | undefined {
  const marked = root?.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])') ?? undefined;
  // A group (radio buttons, check boxes) is marked as a whole: the keyboard goes to its chosen or first control.
  const el =
    marked && !marked.matches('input, select, textarea')
      ? (marked.querySelector<HTMLElement>('input:checked:not([disabled])') ??
        marked.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled])') ??
        undefined)
      : marked;
  if (!el) return undefined;
  el.focus();
  if (el instanceof HTMLInputElement && (el.type === 'text' || el.type === 'password')) el.select();
  return el;
}

/** Returns `refused(problems)`: call it with the problems just set; the first marked field is focused once rendered. */
export function useFocusInvalid(): (problems: readonly Problem[]) => void {
  const [round, setRound] = useState(0);
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    focusFirstInvalid();
  }, [round]);
  return (problems) => {
    if (!problems.some((p) => p.severity === 'error' && p.field)) return;
    pending.current = true;
    setRound((r) => r + 1);
  };
}
