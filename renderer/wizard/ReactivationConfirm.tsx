/** ER_5001, asked before the utility starts when the service was activated before: re-activation erases every setting. */
import { type ReactNode } from 'react';
import { message } from '../../shared/messages/problem.js';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { KeyButton } from '../components/Mnemonic.js';
import { W } from './texts.js';

export function ReactivationConfirm({ onYes, onNo }: { onYes(): void; onNo(): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  return (
    <Dialog
      title={W.confirmTitle[lang]}
      onCancel={onNo}
      buttons={
        <>
          <KeyButton text={W.yes[lang]} onClick={onYes} />
          {/* いいえ is the default (Enter, and the keyboard's start): re-activation erases settings. */}
          <KeyButton text={W.no[lang]} isDefault onClick={onNo} />
        </>
      }
    >
      <p data-code="ER_5001">{message('ER_5001')[lang]}</p>
    </Dialog>
  );
}
