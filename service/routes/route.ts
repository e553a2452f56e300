/**
 * A way to the center (HTTPS, mail, modem, manager). The delivery loop owns retries, the time window and expiry;
 * a route makes one attempt and says how it went.
 */
import { type Problem } from '../../shared/messages/problem.js';
import { type Config } from '../../shared/config/model.js';
import { type Report } from '../../shared/report/model.js';

export interface RouteContext {
  config: Config;
  /** Opens a `sealed:v1:` secret with the service's private key ('' stays ''). */
  openSecret(sealed: string): string;
  /** Cancels the attempt (service shutdown). */
  signal: AbortSignal;
}

export type Outcome =
  | { ok: true; /** e.g. the URL that accepted it and its status. */ detail: string }
  | {
    ok: false; problem: Problem; /** false: retrying cannot help (e.g. the center refused the report as malformed). */ retry: boolean;
    /** Not retried, and nothing refused it: the report expires with this reason instead of ER_2104 (no route enabled: ER_2107). */
    reason?: Problem;
  };

export interface Route {
  readonly name: string;
  send(report: Report, ctx: RouteContext): Promise<Outcome>;
}
