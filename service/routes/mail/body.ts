/**
 * The readable part of a report mail: the Subject and the `Key: value` body (like CMS's `Event:` / `TimeStamp:` lines),
 * one field a line, in a fixed order. Format: docs/mail.md.
 */
import { formatEventId, type Report } from '../../../shared/report/model.js';

/**
 * A value with line breaks (an event's message often has some) goes on continuation lines, each starting with one
 * space, as header fields are folded: a reader joins them with a line feed after dropping that one space. Backslashes
 * (Windows paths) stay as they are.
 */
export const foldValue = (v: string): string => v.replace(/\r\n?/g, '\n').split('\n').join('\r\n ');

export function subjectOf(report: Report): string {
  return `Express Report ${report.kind}: ${report.machine.serverName}`;
}

/** The fields in order; an absent optional field has no line at all (not an empty value). */
export function bodyFields(report: Report): Array<[string, string]> {
  const e = report.event;
  const m = report.maintenance;
  const fields: Array<[string, string | undefined]> = [
    ['Event', e?.message],
    ['Source', e?.source],
    ['EventID', e ? formatEventId(e.id) : undefined],
    ['TimeStamp', e?.time ?? report.createdAt],
    ['ServerName', report.machine.serverName],
    ['DeviceCode', report.machine.deviceCode],
    ['SerialNumber', report.machine.serialNumber],
    ['UserSystemCode', report.machine.userSystemCode],
    ['ReportId', report.id],
    ['Count', String(report.count)],
    ['Kind', report.kind],
    ['Target', report.target],
    ['ResultVia', report.resultVia ?? (report.resultMail !== undefined ? 'mail' : undefined)],
    ['ResultMail', report.resultMail],
    // kind maintenance: which end of the pause, its times and reason, and what became of the held reports.
    ['Maintenance', m?.phase],
    ['MaintenanceSince', m?.since],
    ['MaintenanceUntil', m?.until],
    ['MaintenanceReason', m ? m.reason : undefined],
    ['MaintenanceEndedAt', m?.endedAt],
    ['MaintenanceEndedBy', m?.endedBy],
    ['MaintenanceHeld', m?.held === undefined ? undefined : String(m.held)],
    ['MaintenanceExpiredHeld', m?.expiredHeld === undefined ? undefined : String(m.expiredHeld)],
  ];
  return fields.filter((f): f is [string, string] => f[1] !== undefined);
}

/** `Key: value` lines ended by CRLF. */
export function bodyText(report: Report): string {
  return bodyFields(report)
    .map(([k, v]) => `${k}: ${foldValue(v)}\r\n`)
    .join('');
}
