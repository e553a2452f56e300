/**
 * One-time links for `serve --open`. A browser's command line is readable by every local user (`ps`, /proc/PID/cmdline),
 * so the browser is never given the session token: it gets `/?code=C`, where C is random, works once, and only for
 * ONE_TIME_SECONDS. The server answers that first request with the page and the session token inside it (page.ts);
 * a code seen again, or too late, gets a coded page (ER_1098) and nothing else.
 */
import { randomBytes } from 'node:crypto';

export const ONE_TIME_SECONDS = 60;

export class OneTimeCodes {
  private readonly live = new Map<string, number>();

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly lifetimeMs = ONE_TIME_SECONDS * 1000,
  ) {}

  /** A new code; codes past their time are forgotten on the way. */
  issue(): string {
    this.prune();
    const code = randomBytes(24).toString('base64url');
    this.live.set(code, this.now() + this.lifetimeMs);
    return code;
  }

  /** Whether the code would be accepted now (for HEAD, which must not use it up). */
  isLive(code: string): boolean {
    const until = this.live.get(code);
    return until !== undefined && this.now() <= until;
  }

  /** True once per issued code, within its lifetime; the code is gone afterwards either way. */
  consume(code: string): boolean {
    const ok = this.isLive(code);
    this.live.delete(code);
    return ok;
  }

  private prune(): void {
    const t = this.now();
    for (const [code, until] of this.live) if (t > until) this.live.delete(code);
  }
}
