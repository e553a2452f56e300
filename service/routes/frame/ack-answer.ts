/**
 * The answer section of an ACK between a manager and an agent (docs/report-format.md, "Manager relay"): the manager's
 * coded words on a test / activation notification it forwarded at once, the same JSON as a NAK's reason
 * (`{"code":"ER_xxxx","message":{"ja":"…","en":"…"}}`). An answer that is not that (a newer or foreign manager, a
 * code this version does not know) is quoted under ER_6704: a peer's text never passes as our own message.
 */
import { catalogue, type MessageCode } from '../../../shared/messages/catalogue.js';
import { message } from '../../../shared/messages/problem.js';
import { type CodedText } from '../../../shared/host/service-types.js';
import { printable } from '../../../shared/messages/printable.js';
import { cut, nakReason, parsed, QUOTE_MAX } from './nak.js';

/** The code that says the manager forwarded over dial-up: no test result comes to the agent's customer. */
export const NO_RESULT_CODE: MessageCode = 'ER_6702';

const quote = (s: string): string => cut(s, QUOTE_MAX);

/** The answer section for a coded message (shortened like a NAK reason to fit the 4 KiB section). */
export const answerSection = (a: CodedText): string => nakReason({ ...a, severity: 'warning' });

/** The coded message an ACK's answer says; an information code of ours, else the text quoted under ER_6704. */
export function textOfAnswer(answer: string): CodedText {
  const a = parsed(answer);
  const known = a && typeof a.code === 'string' && Object.hasOwn(catalogue, a.code) && catalogue[a.code as MessageCode].kind === 'information';
  if (known && typeof a.ja === 'string' && typeof a.en === 'string' && a.ja !== '' && a.en !== '') {
    return { code: a.code as MessageCode, message: { ja: printable(quote(a.ja)), en: printable(quote(a.en)) } };
  }
  const said = a && typeof a.code === 'string' && typeof a.en === 'string' ? `${a.code} ${a.en}` : answer.trim();
  return { code: 'ER_6704', message: message('ER_6704', { answer: printable(quote(said)) || '(empty)' }) };
}
