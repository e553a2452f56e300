/**
 * For the tests of one file: a fresh folder, a center (HTTPS receiver, test CA), a machine activated by the command
 * line and pointed at it (activatedMachine), and `express-report service` running on it; all stopped and removed after
 * the file. A test that restarts the service assigns the new one to `service`, so it is the one stopped at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Receiver } from './peers/https-receiver.js';
import { activatedMachine, startCenter, startService, type Machine, type ServiceProcess } from './service-process.js';

export interface ServiceWithCenter {
  readonly base: string;
  readonly receiver: Receiver;
  readonly machine: Machine;
  service: ServiceProcess | undefined;
  /** What the service logged so far ('' before it runs). */
  log(): string;
}

export interface ServiceWithCenterOptions {
  /** The folder's name prefix. */
  prefix: string;
  /** The center's HTTP status for each report (read when it arrives): 200 answers 'ok', another 'center busy'. */
  status?: () => number;
  /** The machine's folder below the base (the base itself when not given). */
  machineDir?: string;
  /** activatedMachine's settings (suppression off when not given) and state. */
  settings?: string[];
  state?: 'tested' | 'active';
  /** Before the service starts: what the test's machine needs besides (its own notifications, files). */
  ready?: (m: Machine) => Promise<void>;
  serviceArgs?: string[];
}

export function serviceWithCenter(o: ServiceWithCenterOptions): ServiceWithCenter {
  let base: string | undefined;
  let receiver: Receiver | undefined;
  let machine: Machine | undefined;
  const status = o.status ?? (() => 200);
  const made = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("no service yet: it starts in the file's beforeAll");
    return v;
  };
  const fx: ServiceWithCenter = {
    get base() {
      return made(base);
    },
    get receiver() {
      return made(receiver);
    },
    get machine() {
      return made(machine);
    },
    service: undefined,
    log: () => fx.service?.log() ?? '',
  };
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), o.prefix));
    const center = await startCenter(base, () => {
      const s = status();
      return { status: s, body: s === 200 ? 'ok' : 'center busy' };
    });
    receiver = center.receiver;
    machine = await activatedMachine(o.machineDir ? join(base, o.machineDir) : base, {
      url: receiver.url,
      caFile: center.caFile,
      settings: o.settings ?? ['suppression.use', 'off'],
      ...(o.state ? { state: o.state } : {}),
    });
    await o.ready?.(machine);
    fx.service = await startService(machine, o.serviceArgs);
  }, 120_000);
  afterAll(async () => {
    await fx.service?.stop();
    await receiver?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });
  return fx;
}
