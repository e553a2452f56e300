/**
 * One receive port of the manager relay (31136 express, 31138 https): open only while its relay is enabled, like the
 * original's services that start and stop with their function; closed, or opened on the new port, when the setting
 * changes. Bound to every address (agents are other machines; relay.allow narrows who is served). A port that cannot
 * be opened (in use, not permitted) is a coded problem in status (ER_2330) and tried again, waiting longer each time.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { reasonOf } from '../../shared/node/coded-error.js';
import { text } from '../../shared/messages/text.js';
import { type RelayListenerStatus } from '../../shared/host/service-types.js';

export const KIND_LABEL = {
  express: text('マネージャからのエクスプレス通報', 'Express relay'),
  https: text('マネージャからのエクスプレス通報(HTTPS)', 'Express relay (HTTPS)'),
} as const;

export interface ListenerDeps {
  kind: RelayListenerStatus['kind'];
  onConnection(socket: Socket): void;
  log(p: Problem): void;
  /** First wait before opening again, doubled up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** The address to bind (every address by default: '::' with IPv4 too, else 0.0.0.0). */
  host?: string;
}

export class RelayListener {
  private server: Server | undefined;
  private want: { enabled: boolean; port: number } = { enabled: false, port: 0 };
  private state: RelayListenerStatus['state'] = 'closed';
  private problem: Problem | undefined;
  private retry: NodeJS.Timeout | undefined;
  private wait: number;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly d: ListenerDeps) {
    this.wait = d.retryMs ?? 1000;
  }

  status(): RelayListenerStatus {
    return { kind: this.d.kind, port: this.want.port, state: this.state, ...(this.problem ? { problem: this.problem } : {}) };
  }

  /** Opens, closes or moves the listener to match the settings; one change at a time. */
  apply(enabled: boolean, port: number): Promise<void> {
    this.chain = this.chain.then(() => this.applyNow(enabled, port));
    return this.chain;
  }

  stop(): Promise<void> {
    return this.apply(false, this.want.port);
  }

  private async applyNow(enabled: boolean, port: number): Promise<void> {
    const same = this.want.enabled === enabled && this.want.port === port;
    this.want = { enabled, port };
    if (same && (this.state === 'open' || (!enabled && this.state === 'closed'))) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    if (!same) this.wait = this.d.retryMs ?? 1000;
    this.close();
    if (enabled) await this.open();
  }

  private async open(): Promise<void> {
    const { port } = this.want;
    const server = createServer({ noDelay: true }, (s) => this.d.onConnection(s));
    try {
      await listen(server, port, this.d.host);
    } catch (e) {
      const seconds = Math.round(this.wait / 1000);
      this.state = 'failed';
      this.problem = problem('ER_2330', { kind: KIND_LABEL[this.d.kind], port, reason: reasonOf(e), seconds }, { field: `relay.${this.d.kind}.port` });
      this.d.log(this.problem);
      this.retry = setTimeout(() => {
        this.retry = undefined;
        void this.apply(this.want.enabled, this.want.port).then(() => undefined);
      }, this.wait);
      this.retry.unref();
      this.wait = Math.min(this.wait * 2, this.d.maxRetryMs ?? 5 * 60_000);
      // apply() above returns at once for an unchanged setting unless the state says otherwise: force the retry.
      this.state = 'failed';
      return;
    }
    // After listening, an error is a failed accept (no descriptor left): logged, never a crash; accepting goes on.
    server.on('error', (e) => this.d.log(problem('ER_2350', { address: `:${port}`, reason: reasonOf(e) })));
    this.server = server;
    this.state = 'open';
    this.problem = undefined;
    this.wait = this.d.retryMs ?? 1000;
    this.d.log(problem('ER_6710', { kind: KIND_LABEL[this.d.kind], port }));
  }

  private close(): void {
    const server = this.server;
    this.server = undefined;
    if (this.state !== 'failed' || !this.want.enabled) {
      this.state = 'closed';
      this.problem = undefined;
    }
    if (!server) return;
    const port = (server.address() as { port?: number } | null)?.port;
    // Stops accepting now; connections under way finish their frame (the receiver closes them at stop), so their end
    // is not awaited here: a port change must not wait for an agent's open connection.
    server.close();
    this.d.log(problem('ER_6711', { kind: KIND_LABEL[this.d.kind], port: port ?? this.want.port }));
  }
}

/** Every address: IPv6 with IPv4 where the system has IPv6, else IPv4 alone. */
async function listen(server: Server, port: number, host?: string): Promise<void> {
  const once = (h: string) =>
    new Promise<void>((resolve, reject) => {
      const failed = (e: Error) => reject(e);
      server.once('error', failed);
      server.listen({ port, host: h, ipv6Only: false }, () => {
        server.off('error', failed);
        resolve();
      });
    });
  if (host) return once(host);
  try {
    await once('::');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') throw e;
    await once('0.0.0.0');
  }
}
