/** A page's title (h3, so tests and screen readers find the page) and the original's explanation under it. */
import { type ReactNode } from 'react';
import { type LocalizedText } from '../../shared/messages/text.js';
import { useApp } from '../store-context.js';

export function PageHeading({ title, intro }: { title: LocalizedText; intro?: LocalizedText }): ReactNode {
  const lang = useApp((s) => s.lang);
  return (
    <>
      <h3 className="wizard-page-title">{title[lang]}</h3>
      {intro ? <p className="wizard-intro">{intro[lang]}</p> : null}
    </>
  );
}

export function Note({ text }: { text: LocalizedText }): ReactNode {
  const lang = useApp((s) => s.lang);
  return <p className="wizard-note">{text[lang]}</p>;
}
