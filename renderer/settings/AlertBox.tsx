/**
 * The frame of the original's message boxes over the dialog that asked: an alertdialog with its title, an optional list,
 * the text that describes it and its buttons. Escape calls `onEscape` and is not passed on, so the dialog below stays
 * open.
 */
import { useId, type ReactNode } from 'react';

export function AlertBox({
  title,
  list,
  text,
  buttons,
  onEscape,
}: {
  title: ReactNode;
  list?: ReactNode;
  text: ReactNode;
  buttons: ReactNode;
  onEscape(): void;
}): ReactNode {
  const titleId = useId();
  const textId = useId();
  return (
    <div className="message-backdrop">
      <div
        className="message-box"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onEscape();
          }
        }}
      >
        <h3 id={titleId} className="dialog-title">
          {title}
        </h3>
        {list}
        <p id={textId} className="message-text">
          {text}
        </p>
        <div className="dialog-buttons">{buttons}</div>
      </div>
    </div>
  );
}
