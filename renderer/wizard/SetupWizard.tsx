/**
 * The setup utility (設定ユーティリティ, docs/design.md section 8.1): 開局方式選択 (続行), then the key file or the key code, then
 * お客様に関する情報 (key file only), 本機に関する情報, オプション装置情報 and 販売店情報; 完了 activates.
 * On an activated machine it opens on 登録されている開局情報 (設定情報の変更, change.ts): 完了 changes the registration
 * only; 開局し直す asks ER_5001 (いいえ by default) before the activation pages.
 * Its title names the service being set up (…(HTTPS)設定ユーティリティ); Enter presses 続行 / 次へ / 完了 (Dialog).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { type AppSnapshot } from '../../shared/host/api.js';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { DEFAULT_BUTTON, firstEditable } from '../components/keyboard.js';
import { KeyButton } from '../components/Mnemonic.js';
import { ProblemView } from '../components/ProblemView.js';
import { WizardContext } from './context.js';
import { useSetupWizard } from './use-setup-wizard.js';
import { MethodPage } from './MethodPage.js';
import { KeyFilePage } from './KeyFilePage.js';
import { KeyCodePage } from './KeyCodePage.js';
import { CustomerPage } from './CustomerPage.js';
import { MachinePage } from './MachinePage.js';
import { OptionsPage } from './OptionsPage.js';
import { DealerPage } from './DealerPage.js';
import { DeviceInfoDialog } from './DeviceInfoDialog.js';
import { MismatchDialog } from './MismatchDialog.js';
import { ReactivationConfirm } from './ReactivationConfirm.js';
import { RegisteredPage } from './RegisteredPage.js';
import { W } from './texts.js';
import { defaultService, type Service } from './model.js';
import { stepOf } from './step.js';
import './wizard.css';

const titleOf = (service: Service) => (service === 'https' ? W.titleHttps : W.title);

export function SetupWizard(): ReactNode {
  const snapshot = useApp((s) => s.snapshot);
  const lang = useApp((s) => s.lang);
  const close = useApp((s) => s.close);
  // The wizard works on the snapshot it opened with (its values are its own until 完了).
  const [start] = useState<AppSnapshot | undefined>(snapshot);
  const base = start ?? snapshot;
  if (!base) {
    return (
      <Dialog
        title={titleOf(defaultService(undefined))[lang]}
        wide
        onCancel={() => close('wizard')}
        buttons={
          <button type="button" onClick={() => close('wizard')}>
            {W.cancel[lang]}
          </button>
        }
      >
        <p role="status">{W.loading[lang]}</p>
      </Dialog>
    );
  }
  return <Wizard start={base} />;
}

function Wizard({ start }: { start: AppSnapshot }): ReactNode {
  const lang = useApp((s) => s.lang);
  const w = useSetupWizard(start);
  const body = useRef<HTMLDivElement>(null);
  const shownPage = useRef(w.page);

  // A new page: the keyboard starts on its first field.
  useEffect(() => {
    if (shownPage.current === w.page) return;
    shownPage.current = w.page;
    const page = body.current;
    if (page) (firstEditable(page) ?? page.querySelector<HTMLElement>('button:not([disabled])'))?.focus();
  }, [w.page]);
  // Refused values: the keyboard goes to the first field in error (its message is next to it).
  useEffect(() => {
    if (w.problems.length === 0 || w.dialog) return;
    body.current?.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])')?.focus();
  }, [w.problems, w.dialog]);

  if (w.confirming) return <ReactivationConfirm onYes={w.confirmYes} onNo={w.confirmNo} />;

  const serverNameFixed = w.ctx.method === 'keyfile' && w.mismatch && w.accepted;
  let content: ReactNode;
  switch (w.page) {
    case 'registered':
      content = <RegisteredPage start={start} choice={w.choice} onChoice={w.setChoice} />;
      break;
    case 'method':
      content = <MethodPage onMethod={w.setMethod} onService={w.setService} />;
      break;
    case 'keyfile':
      content = (
        <KeyFilePage path={w.keyFilePath} onPath={w.setKeyFilePath} onFile={w.setKeyFileContent} onError={w.fail} userSystemCode={w.summary?.userSystemCode} />
      );
      break;
    case 'keycode':
      content = <KeyCodePage />;
      break;
    case 'customer':
      content = <CustomerPage onType={w.setCustomerType} userSystemCode={w.summary?.userSystemCode} />;
      break;
    case 'machine':
      content = <MachinePage serverNameFixed={serverNameFixed} />;
      break;
    case 'options':
      content = <OptionsPage devices={w.optionDevices} onChange={w.setOptionDevices} />;
      break;
    case 'dealer':
      content = <DealerPage />;
      break;
  }

  const step = stepOf(w.pages, w.index);
  const buttons = (
    <>
      <span className="wizard-step" aria-live="polite">
        {step ? `${step.at} / ${step.of}` : ''}
      </span>
      <KeyButton text={W.back[lang]} disabled={w.busy || w.index === 0} onClick={w.back} />
      {w.last ? (
        <button type="button" {...DEFAULT_BUTTON} disabled={w.busy} onClick={() => void w.finish()}>
          {W.finish[lang]}
        </button>
      ) : w.page === 'method' ? (
        // 開局方式選択 is answered with 続行, as in the manual.
        <button type="button" {...DEFAULT_BUTTON} disabled={w.busy} onClick={() => void w.next()}>
          {W.continue[lang]}
        </button>
      ) : (
        <KeyButton text={W.next[lang]} isDefault disabled={w.busy} onClick={() => void w.next()} />
      )}
      <button type="button" onClick={w.cancel}>
        {W.cancel[lang]}
      </button>
    </>
  );

  return (
    <WizardContext.Provider value={w.ctx}>
      <Dialog title={titleOf(w.ctx.service)[lang]} wide onCancel={w.cancel} buttons={buttons}>
        <div ref={body} className="wizard" data-page={w.page} aria-busy={w.busy || undefined}>
          {w.general.length > 0 ? (
            <div className="wizard-general field-error" role="alert">
              {w.general.map((g, i) => ('code' in g ? <ProblemView key={i} problem={g} withField /> : <div key={i}>{g[lang]}</div>))}
            </div>
          ) : null}
          {content}
          {w.busy ? (
            <p className="wizard-busy" role="status">
              {W.busy[lang]}
            </p>
          ) : null}
        </div>
      </Dialog>
      {w.dialog === 'mismatch' && w.summary ? (
        <MismatchDialog serverName={w.summary.serverName} hostName={start.hostName} onContinue={() => void w.mismatchContinue()} onExit={w.mismatchExit} />
      ) : null}
      {w.dialog === 'device' ? <DeviceInfoDialog busy={w.busy} onOk={() => void w.deviceOk()} onCancel={w.deviceCancel} /> : null}
    </WizardContext.Provider>
  );
}
