/**
 * Splitting a large report mail into RFC 2046 section 5.2.2 message/partial parts, as REMCS splits its mail: many mail
 * relays refuse a message over a few megabytes (ISP and corporate limits of 2-10 MB were common, and the size counts
 * after Base64's 4/3 growth), and on a dial-up line a smaller part is what one connection can carry.
 *
 * The whole message (headers included) is cut at line ends into pieces of at most PART_BYTES; piece n is the body of
 * part n. A reader joins the bodies in `number` order and gets the original message back byte for byte (RFC 2046:
 * the first piece starts with the enclosed message's own headers). Format: docs/mail.md.
 */
import { type Report } from '../../../shared/report/model.js';

/**
 * 2 MiB a part: under the smallest size limit still met on relays (2 MB, e.g. older ISP and Exchange defaults were
 * 2-10 MB), and about five minutes at 56 kbit/s, so one part fits a dial-up session's patience.
 */
export const PART_BYTES = 2 * 1024 * 1024;

/** The `id` parameter all parts share: the report id, so a retry's parts join those of an earlier attempt. */
export const partialIdOf = (report: Report): string => `${report.id}@express-report`;

/** Cuts `message` after a CRLF at most `limit` bytes on; a line longer than that (never in our 7-bit mail) is cut. */
export function pieces(message: Buffer, limit = PART_BYTES): Buffer[] {
  const whole = message.subarray(-2).toString('latin1') === '\r\n' ? message : Buffer.concat([message, Buffer.from('\r\n')]);
  const out: Buffer[] = [];
  let start = 0;
  while (start < whole.length) {
    if (whole.length - start <= limit) {
      out.push(whole.subarray(start));
      break;
    }
    const crlf = whole.lastIndexOf('\r\n', start + limit - 2, 'latin1');
    const end = crlf >= start ? crlf + 2 : start + limit;
    out.push(whole.subarray(start, end));
    start = end;
  }
  return out;
}

/**
 * The parts, each a complete message: `outer` header fields (From, To, Subject, Date, X-Report-Id as built) and its
 * own Message-ID, X-Report-Part n/N, then message/partial. One part (no split) when the message fits.
 */
export function splitMessage(report: Report, message: Buffer, outer: ReadonlyArray<[string, string]>, limit = PART_BYTES): Buffer[] {
  if (message.length <= limit) return [message];
  const all = pieces(message, limit);
  const total = all.length;
  const id = partialIdOf(report);
  return all.map((piece, i) => {
    const n = i + 1;
    const head = [
      ...outer.map(([k, v]) => `${k}: ${v}`),
      `Message-ID: <${report.id}.${n}of${total}@express-report>`,
      `X-Report-Part: ${n}/${total}`,
      'MIME-Version: 1.0',
      `Content-Type: message/partial; id="${id}"; number=${n}; total=${total}`,
    ];
    return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), piece]);
  });
}
