/** The key file's server name differs from the OS host name: 続行 registers the OS host name, 終了 stops (nothing written). */
import { type ReactNode } from 'react';
import { message } from '../../shared/messages/problem.js';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { DEFAULT_BUTTON } from '../components/keyboard.js';
import { W } from './texts.js';

export function MismatchDialog({
  serverName,
  hostName,
  onContinue,
  onExit,
}: {
  serverName: string;
  hostName: string;
  onContinue(): void;
  onExit(): void;
}): ReactNode {
  const lang = useApp((s) => s.lang);
  return (
    <Dialog
      title={W.mismatchTitle[lang]}
      onCancel={onExit}
      buttons={
        <>
          <button type="button" {...DEFAULT_BUTTON} onClick={onContinue}>
            {W.continue[lang]}
          </button>
          <button type="button" onClick={onExit}>
            {W.exit[lang]}
          </button>
        </>
      }
    >
      <p role="alert" data-code="ER_3050">
        {message('ER_3050', { serverName, hostName })[lang]}
      </p>
      <p>{W.mismatchAdvice[lang]}</p>
    </Dialog>
  );
}
