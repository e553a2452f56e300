/**
 * A report: what the service sends to the center. It keeps one id (a UUID) across every retry, so the center can drop
 * duplicates (docs/design.md section 6). Wire formats: docs/report-format.md.
 */
import { type Problem } from '../messages/problem.js';
import { type MaintenanceNotice } from '../host/maintenance.js';

/** maintenance: the start or the end of a pause for maintenance (保守中), docs/report-format.md. */
export type ReportKind = 'failure' | 'test' | 'activation' | 'heartbeat' | 'maintenance';

export interface ReportEvent {
  /** Event source, e.g. `atapi`. */
  source: string;
  /** The full 32-bit event id (0xC0040006). */
  id: number;
  /** ISO 8601 time the event happened. */
  time: string;
  message: string;
}

export interface ReportMachine {
  serverName: string;
  deviceCode: string;
  serialNumber: string;
  userSystemCode: string;
}

/**
 * Logs collected for the report (AMHTPLOG.INF / AMHTPHBI.INF): the commands ran when the event was accepted; the files
 * and folders named here are zipped straight into each send (docs/log-collection.md), never copied aside.
 */
export interface ReportLogs {
  /** Absolute paths of files or whole folders (LogFile=), in the definition file's order. */
  paths: string[];
  /** The archive's cap in bytes (MaxSize; 0 in the file = the automatic cap). */
  maxBytes: number;
  /** What the collection did (commands' results, refusals), written into the archive's _collection.txt. */
  notes?: Problem[];
}

export interface Report {
  id: string;
  kind: ReportKind;
  /** ISO 8601 time the report was accepted into the spool. */
  createdAt: string;
  machine: ReportMachine;
  event?: ReportEvent;
  /** Identical events folded into this report by suppression (1 = just this one). */
  count: number;
  /** Test and activation notifications: which destination (the primary unless asked otherwise). */
  target?: 'primary' | 'secondary';
  /** Test notification: where the center sends the result. */
  resultMail?: string;
  /** Test notification: 'fax' = the center faxes the result to the customer's registered number (no resultMail then). */
  resultVia?: 'mail' | 'fax';
  /** Collected logs that go with the report as a zip; absent = no attachment. */
  logs?: ReportLogs;
  /** kind 'maintenance': which end of the pause, its times and reason (docs/report-format.md). */
  maintenance?: MaintenanceNotice;
}

export const formatEventId = (id: number): string => `0x${(id >>> 0).toString(16).padStart(8, '0')}`;
