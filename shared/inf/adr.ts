/**
 * AMHTPADR.INF, the destination file: [URL1] URL= (primary, required) and [URL2] URL= (secondary, optional).
 * The manual writes `URL= https://...`: the value is read trimmed, and an existing line keeps its spacing.
 */
import { type IniDocument } from '../ini/document.js';
import {
  Findings,
  MISSING_SECTION_LINE,
  entriesByKey,
  firstSections,
  isOneOf,
  putText,
  render,
  reportSyntax,
  reportUnknownKeys,
  startFrom,
  type Decoded,
} from './common.js';
import { defaultAdrText } from './defaults.js';
import { readPlain, shown, textValue, type Check } from './values.js';

export { defaultAdrText } from './defaults.js';

export interface AdrModel {
  /** Primary destination. */
  url1: string;
  /** Secondary destination; absent when there is none. */
  url2?: string;
}

export const MAX_URL_LENGTH = 500;

/** At most 500 characters (ER_4005), half-width printable ASCII, https:// or http:// and a host (ER_4006). */
export function checkUrl(url: string): Check<string> {
  if (url.length > MAX_URL_LENGTH) return { ok: false, code: 'ER_4005', params: { length: url.length } };
  if (!/^https?:\/\/[\x21-\x2e\x30-\x7e][\x21-\x7e]*$/i.test(url)) return { ok: false, code: 'ER_4006', params: { value: shown(url) } };
  return { ok: true, value: url };
}

const urlText = (raw: string): string => textValue(readPlain('URL', raw), raw);

/**
 * [URL1] and its URL are required (ER_4003 / ER_4004, also for an empty URL). [URL2] may be left out;
 * when present it needs its URL key, and `URL=` with nothing after it means "no secondary".
 * A wrong URL is kept in the model as written, so it can be shown and corrected.
 */
export function decodeAdr(doc: IniDocument, file: string): Decoded<AdrModel> {
  const out = new Findings(file);
  reportSyntax(doc, out);
  const model: AdrModel = { url1: '' };
  const seen = new Set<string>();
  for (const sec of firstSections(doc)) {
    const label = ['URL1', 'URL2'].find((n) => n.toLowerCase() === sec.name.toLowerCase());
    if (!label) {
      out.add('ER_4002', { section: sec.name }, sec.line, sec.name);
      continue;
    }
    seen.add(label);
    reportUnknownKeys(sec, label, isOneOf(['URL']), out);
    const e = entriesByKey(sec).get('url');
    const missing = (line: number): void => out.add('ER_4004', { section: label, key: 'URL' }, line, `${label}.URL`);
    if (!e) {
      missing(sec.line);
      continue;
    }
    const text = readPlain('URL', e.rawValue);
    const url = textValue(text, e.rawValue);
    if (url === '') {
      if (label === 'URL1') missing(e.line);
      continue;
    }
    const check = text.ok ? checkUrl(url) : text;
    if (!check.ok) out.fail(check, e.line, `${label}.URL`);
    if (label === 'URL1') model.url1 = url;
    else model.url2 = url;
  }
  if (!seen.has('URL1')) out.add('ER_4003', { section: 'URL1' }, MISSING_SECTION_LINE, 'URL1');
  return { model, problems: out.sorted() };
}

/** Writes the model into a copy of `into` (or into our default file), changing only what differs. */
export function encodeAdr(model: AdrModel, into?: IniDocument): IniDocument {
  const ed = startFrom(into, defaultAdrText);
  putText(ed, 'URL1', 'URL', model.url1, urlText, false);
  const url2 = model.url2 ?? '';
  if (url2 === '') {
    // Remove a secondary the file names; an [URL2] that already says "none" stays as it is.
    const raw = ed.get('URL2', 'URL');
    if (raw !== undefined && urlText(raw) !== '') ed.deleteSection('URL2');
  } else if (!ed.hasSection('URL2')) {
    ed.appendSection('URL2', ['[URL2]', `URL= ${render(url2, undefined, false)}`]);
  } else {
    putText(ed, 'URL2', 'URL', url2, urlText, false);
  }
  return ed.finish();
}
