/**
 * What the app did, newest last (the last 1000 entries), like CMS-1200's bottom log. A warning or an error carries its
 * code (ER_xxxx) as the customer quotes it to support; a success or other information line is not numbered like an
 * error: its code stays in the log file and in the line's data-code attribute, not in the text.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { eventTime } from './event-time.js';

export function EventPanel(): ReactNode {
  const lang = useApp((s) => s.lang);
  const events = useApp((s) => s.events);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [events.length]);
  return (
    <section className="event-panel" aria-label={lang === 'ja' ? 'イベント' : 'Events'}>
      <ol ref={list}>
        {events.map((e, i) => (
          <li key={i} className={`event-${e.level}`} data-code={e.code}>
            <time dateTime={e.at}>{eventTime(e.at, lang)}</time>
            {e.code && e.level !== 'info' ? <span className="code">{e.code}</span> : null}
            <span>{e.text[lang]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
