/**
 * A way to the center (HTTPS, mail, modem, manager). The delivery loop owns retries, the time window and expiry;
 * a route makes one attempt and says how it went. Each route lives in its own folder (https/, mail/, modem/, manager/; frame/
 * is the report frame the modem carries); this file is what they share with the loop and routes/registry.ts.
 */
import { type Readable } from 'node:stream';
import { type Problem } from '../../shared/messages/problem.js';
import { type Config } from '../../shared/config/model.js';
import { type Report } from '../../shared/report/model.js';
import { type CodedText } from '../../shared/host/service-types.js';

export interface RouteContext {
  config: Config;
  /** Opens a `sealed:v1:` secret with the service's private key ('' stays ''). */
  openSecret(sealed: string): string;
  /** Cancels the attempt (service shutdown). */
  signal: AbortSignal;
}

export type Outcome =
  | {
      ok: true;
      /** e.g. the URL that accepted it and its status. */ detail: string;
      /** Through a manager: its coded words on how it forwarded a test / activation and what the center answered. */
      answer?: CodedText;
      /** The manager forwarded a test over dial-up: no result mail comes. */
      noResult?: boolean;
    }
  | {
      ok: false;
      problem: Problem;
      /** false: retrying cannot help (e.g. the center refused the report as malformed). */ retry: boolean;
      /** Not retried, and nothing refused it: the report expires with this reason instead of ER_2104 (no route enabled: ER_2107). */
      reason?: Problem;
    };

/** The zip that goes with a report (collected logs), if any; a fresh stream per call (one per destination tried). */
export type AttachmentFor = (report: Report) => (() => Readable) | undefined;

/** What the service gives every route it builds (routes/registry.ts); each route takes the ones it uses. */
export interface RouteDeps {
  attachmentFor?: AttachmentFor;
  /** The center's certificate (PEM) from the key file, for S/MIME; undefined when there is none (key-code activation). */
  centerCertificate?: () => Promise<string | undefined>;
  /** The service's state folder, for a route's temporary files (the manager route stages the logs zip there). */
  stateDir?: string;
}

export interface Route {
  readonly name: string;
  send(report: Report, ctx: RouteContext): Promise<Outcome>;
  /**
   * Several reports over one connection (dial-up bulk forwarding, 一括通報, docs/relay.md): one outcome per report, in
   * their order. The delivery loop hands at most `maxBatch` due relayed reports at once; a route without it sends one.
   */
  sendBatch?(reports: Report[], ctx: RouteContext): Promise<Outcome[]>;
  readonly maxBatch?: number;
}
