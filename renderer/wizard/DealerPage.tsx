/** 販売店情報 (optional): 販売店名 from the list or typed, the sales representative and the systems engineer. */
import { type ReactNode } from 'react';
import { PageHeading, Note } from './PageHeading.js';
import { WizardField } from './WizardField.js';
import { useWizard } from './context.js';
import { W } from './texts.js';

export function DealerPage(): ReactNode {
  const w = useWizard();
  const dealers = (w.resources?.dealers ?? []).map((d) => ({ value: d }));
  return (
    <section className="wizard-page">
      <PageHeading title={W.dealerPage} intro={W.dealerNote} />
      <WizardField k="dealer.name" suggestions={dealers} />
      <WizardField k="dealer.sales.department" />
      <WizardField k="dealer.sales.name" />
      <WizardField k="dealer.sales.phone" />
      <WizardField k="dealer.se.department" />
      <WizardField k="dealer.se.name" />
      <WizardField k="dealer.se.phone" />
      <Note text={W.dealerOptional} />
    </section>
  );
}
