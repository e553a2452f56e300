/** 装置の固有情報の入力: asked when the device code or serial number cannot be read from the machine. */
import { type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { WizardField } from './WizardField.js';
import { useWizard } from './context.js';
import { deviceCodeSuggestions } from './MachinePage.js';
import { W } from './texts.js';

export function DeviceInfoDialog({ busy, onOk, onCancel }: { busy: boolean; onOk(): void; onCancel(): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const w = useWizard();
  return (
    <Dialog title={W.deviceTitle[lang]} onCancel={onCancel}
      buttons={<>
        <button type="button" disabled={busy} onClick={onOk}>{W.ok[lang]}</button>
        <button type="button" onClick={onCancel}>{W.cancel[lang]}</button>
      </>}>
      <form onSubmit={(e) => { e.preventDefault(); onOk(); }}>
        <p>{W.deviceIntro[lang]}</p>
        <WizardField k="machine.deviceCode" suggestions={deviceCodeSuggestions(w.resources?.deviceCodes)} />
        <WizardField k="machine.serialNumber" />
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
