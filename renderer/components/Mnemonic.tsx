/**
 * Access keys as the original shows them: the letter in parentheses, underlined (`追加(A)`, `装置コード(P)`). The key that
 * works is read from the text shown, so the two cannot differ (keyboard.ts dispatches Alt + the letter).
 */
import { type ButtonHTMLAttributes, type ReactNode } from 'react';
import { accessKeyOf, accessKeyProps, DEFAULT_BUTTON, labelWithKey } from './keyboard.js';

/** The text with its access key underlined: `text` already holding `(K)`, or `text` and `k` joined as the manual prints them. */
export function Mnemonic({ text, k }: { text: string; k?: string }): ReactNode {
  const full = k ? labelWithKey(text, k) : text;
  const m = [...full.matchAll(/\(([A-Za-z0-9])\)/g)].at(-1);
  if (!m || m.index === undefined) return full;
  const at = m.index + 1;
  return (
    <>
      {full.slice(0, at)}
      <u>{full.slice(at, at + 1)}</u>
      {full.slice(at + 1)}
    </>
  );
}

export interface KeyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'type'> {
  /** The button's text, with its access key in it: `テスト通報(T)`, `次へ(N) >`. */
  text: string;
  /** The dialog's default button (pressed by Enter). */
  isDefault?: boolean;
}

/** A button whose access key is the `(K)` of its text. */
export function KeyButton({ text, isDefault = false, ...rest }: KeyButtonProps): ReactNode {
  return (
    <button type="button" {...accessKeyProps(accessKeyOf(text))} {...(isDefault ? DEFAULT_BUTTON : {})} {...rest}>
      <Mnemonic text={text} />
    </button>
  );
}
