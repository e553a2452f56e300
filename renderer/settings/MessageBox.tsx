/**
 * The original's message boxes: a question (はい / いいえ) or an alert (OK) over the dialog that asked.
 * Escape answers 'cancel' (neither) and is not passed on, so the dialog below stays open.
 */
import { useRef, useState, type ReactNode } from 'react';
import { type LocalizedText } from '../../shared/messages/text.js';
import { useApp } from '../store-context.js';
import { AlertBox } from './AlertBox.js';

export type Answer = 'yes' | 'no' | 'ok' | 'cancel';
type Kind = 'question' | 'alert';

interface Open {
  kind: Kind;
  text: LocalizedText;
  code?: string;
  resolve(a: Answer): void;
}

export interface MessageBox {
  /** Render this inside the dialog. */
  element: ReactNode;
  ask(text: LocalizedText): Promise<Answer>;
  alert(text: LocalizedText, code?: string): Promise<Answer>;
}

export function useMessageBox(): MessageBox {
  const [open, setOpen] = useState<Open | null>(null);
  const lang = useApp((s) => s.lang);
  const back = useRef<HTMLElement | null>(null);

  const show = (kind: Kind, text: LocalizedText, code?: string) =>
    new Promise<Answer>((resolve) => {
      back.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen({ kind, text, code, resolve });
    });
  const answer = (a: Answer) => {
    open?.resolve(a);
    setOpen(null);
    back.current?.focus();
  };

  const element = open ? (
    <AlertBox
      title={open.kind === 'question' ? (lang === 'ja' ? '確認' : 'Confirm') : lang === 'ja' ? 'エラー' : 'Error'}
      text={
        <>
          {open.code ? <span className="code">{open.code} </span> : null}
          {open.text[lang]}
        </>
      }
      buttons={
        open.kind === 'question' ? (
          <>
            <button type="button" autoFocus onClick={() => answer('yes')}>
              {lang === 'ja' ? 'はい' : 'Yes'}
            </button>
            <button type="button" onClick={() => answer('no')}>
              {lang === 'ja' ? 'いいえ' : 'No'}
            </button>
          </>
        ) : (
          <button type="button" autoFocus onClick={() => answer('ok')}>
            OK
          </button>
        )
      }
      onEscape={() => answer('cancel')}
    />
  ) : null;

  return { element, ask: (t) => show('question', t), alert: (t, code) => show('alert', t, code) };
}
