/**
 * Which Route object sends over the configured `express.route`, shared by the delivery loop and the immediate
 * test/activation notifications, so both use the same code. A route added here is live everywhere at once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config } from '../../shared/config/model.js';
import { type Report } from '../../shared/report/model.js';
import { type Settings } from '../../shared/settings/schema.js';
import { managerBudgetMs } from './manager/timeouts.js';
import { dialupBudgetMs } from './modem/timeouts.js';
import { REMOTE_TIMEOUT_MS } from './remote-access.js';
import { type Outcome, type Route, type RouteContext, type RouteDeps } from './route.js';

export type RouteName = Settings['express.route'];

/** `<config>/center-cert.pem`, written by key-file activation. */
export function centerCertificateIn(configDir: string): () => Promise<string | undefined> {
  return () =>
    readFile(join(configDir, 'center-cert.pem'), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
}

/**
 * A route whose module loads on its first send: most machines use one route, and the mail and modem stacks (nodemailer,
 * serialport's native binding), or node's TLS for HTTPS, would otherwise sit in every idle service's memory.
 */
export class LazyRoute implements Route {
  private made: Promise<Route> | undefined;

  constructor(
    readonly name: string,
    private readonly load: () => Promise<Route>,
  ) {}

  /** The real route (loaded once). */
  route(): Promise<Route> {
    this.made ??= this.load();
    return this.made;
  }

  async send(report: Report, ctx: RouteContext): Promise<Outcome> {
    return (await this.route()).send(report, ctx);
  }
}

const withDeps = (d: RouteDeps) => ({
  ...(d.attachmentFor ? { attachmentFor: d.attachmentFor } : {}),
  ...(d.centerCertificate ? { centerCertificate: d.centerCertificate } : {}),
});

/** Remote access dials before the attempt (nmcli's wait plus its process margin), when it is on. */
const remoteBudgetMs = (c: Config): number => (c.settings['remote.use'] ? REMOTE_TIMEOUT_MS + 10_000 : 0);

interface RouteMaker {
  make(deps: RouteDeps): Route;
  /** How long one whole attempt (every destination, every phase) may take before an immediate notification gives up. */
  budgetMs(c: Config): number;
}

/** What the manager route takes of the deps: the logs zip and where to stage it. */
const managerDeps = (d: RouteDeps) => ({
  ...(d.attachmentFor ? { attachmentFor: d.attachmentFor } : {}),
  ...(d.stateDir ? { stateDir: d.stateDir } : {}),
});

const MAKERS: Partial<Record<RouteName, RouteMaker>> = {
  https: {
    // https.via = manager: the manager's address instead of the HTTPS destinations (manual 4.2.2).
    // Loaded on the first send too: node:https and node:tls stay out of an idle service (issue 16).
    make: (d) =>
      new LazyRoute('https', async () => {
        const [{ HttpsViaRoute }, { HttpsRoute }, { ManagerRoute }] = await Promise.all([
          import('./manager/https-via.js'),
          import('./https/route.js'),
          import('./manager/route.js'),
        ]);
        return new HttpsViaRoute(
          new HttpsRoute({ ...(d.attachmentFor ? { attachmentFor: d.attachmentFor } : {}) }),
          new ManagerRoute({ via: 'https', ...managerDeps(d) }),
        );
      }),
    budgetMs: (c) =>
      c.settings['https.via'] === 'manager' ? managerBudgetMs(c, 'https') : (c.settings['https.timeoutSeconds'] + 5) * 1000 * 2 + remoteBudgetMs(c),
  },
  manager: {
    make: (d) => new LazyRoute('manager', async () => new (await import('./manager/route.js')).ManagerRoute({ via: 'express', ...managerDeps(d) })),
    // The manager answers a test or activation only once the center did (up to 600 s), primary then secondary.
    budgetMs: (c) => managerBudgetMs(c, 'express'),
  },
  mail: {
    make: (d) => new LazyRoute('mail', async () => new (await import('./mail/route.js')).MailRoute(withDeps(d))),
    // SMTP: connecting and the message's transfer, each up to the timeout; POP before SMTP: its login and the wait.
    budgetMs: (c) =>
      (c.settings['mail.timeoutSeconds'] + 5) * 1000 * (c.settings['mail.pop.use'] ? 3 : 2) +
      (c.settings['mail.pop.use'] ? c.settings['mail.pop.waitMs'] : 0) +
      remoteBudgetMs(c),
  },
  dialup: {
    make: (d) => new LazyRoute('dialup', async () => new (await import('./modem/route.js')).ModemRoute(withDeps(d))),
    // Init, dial to CONNECT, the ACK and the hang-up per number, both numbers and the pause between (docs/modem.md).
    budgetMs: dialupBudgetMs,
  },
};

/** Every route that exists, made once (the service keeps them for its life). */
export function buildRoutes(deps: RouteDeps = {}): Partial<Record<RouteName, Route>> {
  return Object.fromEntries(Object.entries(MAKERS).map(([name, m]) => [name, m.make(deps)])) as Partial<Record<RouteName, Route>>;
}

export function budgetMs(c: Config): number {
  return MAKERS[c.settings['express.route']]?.budgetMs(c) ?? 60_000;
}
