/** ER_5001, asked before the utility starts when the service was activated before: re-activation erases every setting. */
import { type ReactNode } from 'react';
import { message } from '../../shared/messages/problem.js';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { W } from './texts.js';

export function ReactivationConfirm({ onYes, onNo }: { onYes(): void; onNo(): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  return (
    <Dialog title={W.confirmTitle[lang]} onCancel={onNo}
      buttons={<>
        <button type="button" accessKey="y" onClick={onYes}>{W.yes[lang]}</button>
        <button type="button" accessKey="n" onClick={onNo}>{W.no[lang]}</button>
      </>}>
      <p data-code="ER_5001">{message('ER_5001')[lang]}</p>
    </Dialog>
  );
}
