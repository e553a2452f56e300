/**
 * The report as one MIME message, built by nodemailer's MailComposer (headers, encoded words, boundaries, Base64 are
 * its job): the `Key: value` body, and the collected logs' zip uuencoded in a text/plain part or as a Base64
 * attachment. Format: docs/mail.md.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { type Report } from '../../../shared/report/model.js';
import { bodyText, subjectOf } from './body.js';
import { uuencode } from './uuencode.js';

const UU_PART_HEAD = 'Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\nContent-Disposition: inline\r\n\r\n';

export type AttachmentEncoding = 'uuencode' | 'base64';

export interface ComposeOptions {
  from: string;
  to: string;
  encoding: AttachmentEncoding;
  /** The collected logs (a zip), when the report has some. */
  attachment?: Buffer;
  /** For tests; the time of sending otherwise. */
  date?: Date;
}

/** The same on every retry, so a center can drop a duplicate by Message-ID as well as by X-Report-Id. */
export const messageIdOf = (report: Report): string => `<${report.id}@express-report>`;

export const attachmentNameOf = (report: Report): string => `${report.id}.zip`;

export async function composeReport(report: Report, o: ComposeOptions): Promise<Buffer> {
  const name = attachmentNameOf(report);
  const attachments =
    o.attachment === undefined
      ? []
      : o.encoding === 'base64'
        ? [{ filename: name, content: o.attachment, contentType: 'application/zip' }]
        : // A classic uuencoded block: plain 7-bit text any mail reader shows and any `uudecode` reads. Given as a built
          // part: MailComposer would otherwise quoted-printable-encode its `=` and backquotes.
          [{ raw: Buffer.concat([Buffer.from(UU_PART_HEAD), uuencode(o.attachment, name)]) }];
  const mail = new MailComposer({
    from: o.from,
    to: o.to,
    subject: subjectOf(report),
    messageId: messageIdOf(report),
    date: o.date ?? new Date(),
    headers: { 'X-Report-Id': report.id },
    // Quoted-printable keeps the ASCII `Key: value` lines readable as they are; only non-ASCII values are escaped.
    text: { content: bodyText(report), contentType: 'text/plain; charset=utf-8' },
    textEncoding: 'quoted-printable',
    attachments,
    // MailComposer capitalises a trailing -ID; the HTTPS route and docs spell it X-Report-Id (names are case-blind anyway).
    normalizeHeaderKey: (key: string) => (key === 'X-Report-ID' ? 'X-Report-Id' : key),
  });
  return mail.compile().build();
}

/**
 * Header fields of a built message, as written (folded lines and encoded words kept): what the S/MIME envelope and the
 * message/partial parts repeat outside, so a mail reader shows who, what and when without opening them.
 */
export function headerFields(message: Buffer, names: readonly string[]): Array<[string, string]> {
  const end = message.indexOf('\r\n\r\n');
  const head = message.subarray(0, end < 0 ? message.length : end).toString('latin1');
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const out: Array<[string, string]> = [];
  for (const field of head.split(/\r\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon > 0 && wanted.has(field.slice(0, colon).toLowerCase())) out.push([field.slice(0, colon), field.slice(colon + 1).trimStart()]);
  }
  return out;
}
