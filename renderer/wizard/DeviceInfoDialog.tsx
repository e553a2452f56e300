/**
 * 装置の固有情報の入力: asked when the device code or serial number cannot be read from the machine. Its access keys are
 * the manual's for this window, 装置コード(P) and 製造番号(S) (the 本機に関する情報 page has its own, H and U).
 */
import { type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { DEFAULT_BUTTON } from '../components/keyboard.js';
import { WizardField } from './WizardField.js';
import { useWizard } from './context.js';
import { deviceCodeSuggestions } from './MachinePage.js';
import { W } from './texts.js';

export function DeviceInfoDialog({ busy, onOk, onCancel }: { busy: boolean; onOk(): void; onCancel(): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const w = useWizard();
  return (
    <Dialog
      title={W.deviceTitle[lang]}
      onCancel={onCancel}
      buttons={
        <>
          <button type="button" {...DEFAULT_BUTTON} disabled={busy} onClick={onOk}>
            {W.ok[lang]}
          </button>
          <button type="button" onClick={onCancel}>
            {W.cancel[lang]}
          </button>
        </>
      }
    >
      <p>{W.deviceIntro[lang]}</p>
      <WizardField k="machine.deviceCode" accessKey="P" suggestions={deviceCodeSuggestions(w.resources?.deviceCodes)} />
      <WizardField k="machine.serialNumber" accessKey="S" />
    </Dialog>
  );
}
