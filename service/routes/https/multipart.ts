/**
 * The HTTPS request body (docs/report-format.md): multipart/form-data with a `report` part (the report as UTF-8 JSON)
 * and, when there is one, an `attachment` part (the zip), streamed from its source so a large archive is never held
 * in memory or written to disk a second time.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { type Report } from '../../../shared/report/model.js';

export interface MultipartBody {
  contentType: string;
  /** Known only without an attachment; otherwise the body goes chunked. */
  length?: number;
  stream: Readable;
}

const CRLF = '\r\n';

function partHead(boundary: string, name: string, type: string, filename?: string): Buffer {
  const disposition = `form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`;
  return Buffer.from(`--${boundary}${CRLF}Content-Disposition: ${disposition}${CRLF}Content-Type: ${type}${CRLF}${CRLF}`, 'utf8');
}

/** The report's JSON exactly as the center receives it. */
export const reportJson = (report: Report): string => JSON.stringify(report);

export function multipartReport(report: Report, attachment?: () => Readable): MultipartBody {
  // 24 random bytes: a boundary that cannot occur by chance in the JSON or the zip.
  const boundary = `express-report-${randomBytes(24).toString('hex')}`;
  const head = Buffer.concat([
    partHead(boundary, 'report', 'application/json; charset=utf-8'),
    Buffer.from(reportJson(report), 'utf8'),
    Buffer.from(CRLF, 'utf8'),
  ]);
  const tail = Buffer.from(`--${boundary}--${CRLF}`, 'utf8');
  const contentType = `multipart/form-data; boundary=${boundary}`;
  if (!attachment) return { contentType, length: head.length + tail.length, stream: Readable.from([head, tail], { objectMode: false }) };

  // Opened when this body is read: each attempt (URL1, then URL2) streams a fresh copy from the source.
  async function* parts(open: () => Readable): AsyncGenerator<Buffer> {
    yield head;
    yield partHead(boundary, 'attachment', 'application/zip', `${report.id}.zip`);
    for await (const chunk of open()) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    yield Buffer.from(CRLF, 'utf8');
    yield tail;
  }
  return { contentType, stream: Readable.from(parts(attachment), { objectMode: false }) };
}
