/**
 * The reason section of a NAK frame between an agent and a manager (docs/report-format.md, "Manager relay"): UTF-8 JSON
 * `{"code":"ER_xxxx","message":{"ja":"…","en":"…"}}`, a Problem without its params, so the agent shows the manager's own
 * coded words. A reason that is not that (an older or foreign peer's plain text, a code this version does not know)
 * becomes one of our codes quoting it: a peer's text never crashes the reader and never passes as our own message.
 */
import { catalogue, type MessageCode } from '../../../shared/messages/catalogue.js';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { printable } from '../../../shared/messages/printable.js';
import { FRAME_LIMITS } from './codec.js';

/** A quoted peer text is cut here: enough for any sentence of ours, never a flood in the log. */
export const QUOTE_MAX = 1000;

export const cut = (s: string, max: number): string => ([...s].length <= max ? s : `${[...s].slice(0, max).join('')}…`);

/** The reason section for a problem; its messages are shortened when the JSON would pass the frame's reason limit. */
export function nakReason(p: Problem): string {
  let max = QUOTE_MAX * 4;
  for (;;) {
    const json = JSON.stringify({ code: p.code, message: { ja: cut(p.message.ja, max), en: cut(p.message.en, max) } });
    if (Buffer.byteLength(json, 'utf8') <= FRAME_LIMITS.reason) return json;
    max = Math.floor(max / 2);
  }
}

const isCode = (c: unknown): c is MessageCode => typeof c === 'string' && /^ER_\d{4}$/.test(c) && Object.hasOwn(catalogue, c);

/** The code and both texts of a coded-message JSON section (a NAK's reason, an ACK's answer), unchecked. */
export function parsed(reason: string): { code?: unknown; ja?: unknown; en?: unknown } | undefined {
  try {
    const v: unknown = JSON.parse(reason);
    if (typeof v !== 'object' || v === null) return undefined;
    const o = v as { code?: unknown; message?: unknown };
    const m = typeof o.message === 'object' && o.message !== null ? (o.message as { ja?: unknown; en?: unknown }) : {};
    return { code: o.code, ja: m.ja, en: m.en };
  } catch {
    return undefined;
  }
}

/**
 * The problem a NAK's reason says. `permanent` only matters for a reason that is not coded: ER_2307 (refused, not
 * retried) or ER_2308 (not now, retried later).
 */
export function problemOfNak(reason: string, permanent: boolean): Problem {
  const r = parsed(reason);
  if (r && isCode(r.code) && typeof r.ja === 'string' && typeof r.en === 'string' && r.ja !== '' && r.en !== '') {
    return { code: r.code, severity: 'error', message: { ja: printable(cut(r.ja, QUOTE_MAX)), en: printable(cut(r.en, QUOTE_MAX)) } };
  }
  const said = r && typeof r.code === 'string' && typeof r.en === 'string' ? `${r.code} ${r.en}` : reason.trim();
  return problem(permanent ? 'ER_2307' : 'ER_2308', { reason: printable(cut(said, QUOTE_MAX)) || '(no reason given)' });
}
