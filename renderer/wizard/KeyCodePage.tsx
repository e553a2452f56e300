/** 通報開局キーコード (5 digits) and, for the HTTPS service, テスト・開局結果返信メールアドレス. */
import { type ReactNode } from 'react';
import { PageHeading, Note } from './PageHeading.js';
import { WizardField } from './WizardField.js';
import { useWizard } from './context.js';
import { W } from './texts.js';

export function KeyCodePage(): ReactNode {
  const w = useWizard();
  return (
    <section className="wizard-page">
      <PageHeading title={W.keyCodePage} intro={W.keyCodeIntro} />
      <WizardField k="activation.keyCode" />
      {w.service === 'https' ? <WizardField k="activation.replyMail" /> : null}
      <Note text={W.requiredNote} />
    </section>
  );
}
