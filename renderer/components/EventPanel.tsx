/**
 * What the app did, newest last (the last 1000 entries), like CMS-1200's bottom log. A warning or an error carries its
 * code (ER_xxxx) as the customer quotes it to support; a success or other information line is not numbered like an
 * error: its code stays in the log file and in the line's data-code attribute, not in the text.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { type Lang } from '../../shared/messages/text.js';

// One formatter per language: toLocaleString builds a new one for every line (most of the first render's time).
const formats = new Map<Lang, Intl.DateTimeFormat>();
const ALL_FIELDS = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
function timeText(at: string, lang: Lang): string {
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', ALL_FIELDS)));
  return f.format(new Date(at));
}

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
            <time dateTime={e.at}>{timeText(e.at, lang)}</time>
            {e.code && e.level !== 'info' ? <span className="code">{e.code}</span> : null}
            <span>{e.text[lang]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
