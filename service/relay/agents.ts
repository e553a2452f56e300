/**
 * The agents that reported to this manager (docs/relay.md, `express-report relay agents`): each by its identity
 * (device code and serial number, as its reports name it), never by address, with its addresses, first and last
 * report, counts and its last problem. Flagged: silent for over 35 days, or claimed by two machines (another server name
 * or user system code under the same identity). Beyond 1,000 agents a warning is logged once: never a refused report.
 * Kept in `<state>/relay/agents.json`, written atomically at most once a second.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../shared/node/atomic-write.js';
import { recordFormat, stamped } from '../../shared/node/formats/format.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { problemSchema } from '../../shared/host/reply-schema.js';
import { isCodedError } from '../../shared/node/coded-error.js';
import { type RelayAgent } from '../../shared/host/service-types.js';
import { type ReportMachine } from '../../shared/report/model.js';

export const SILENT_MS = 35 * 24 * 3600_000;
export const AGENTS_WARN = 1000;
const MAX_ADDRESSES = 8;
const MAX_MACHINES = 4;
const SAVE_EVERY_MS = 1000;

export const identityOf = (m: Pick<ReportMachine, 'deviceCode' | 'serialNumber'>): string => `${m.deviceCode}:${m.serialNumber}`;
const machineKey = (m: ReportMachine): string => `${m.serverName}\u0000${m.userSystemCode}`;

const recordSchema = z.object({
  identity: z.string().max(200),
  serverName: z.string().max(256),
  deviceCode: z.string().max(64),
  serialNumber: z.string().max(64),
  userSystemCode: z.string().max(64),
  addresses: z.array(z.string().max(64)).max(MAX_ADDRESSES),
  firstSeen: z.string(),
  lastSeen: z.string(),
  received: z.number().int().min(0),
  forwarded: z.number().int().min(0),
  lastProblem: (problemSchema as z.ZodType<Problem>).optional(),
  machines: z.array(z.string().max(400)).max(MAX_MACHINES),
});
type AgentRecord = z.infer<typeof recordSchema>;
const fileSchema = z.object({ version: z.literal(1), agents: z.array(recordSchema) });

export interface AgentRegistryDeps {
  file: string;
  log(p: Problem): void;
  now?: () => Date;
}

export class AgentRegistry {
  private readonly agents = new Map<string, AgentRecord>();
  private warnedCount = false;
  private readonly warnedConflict = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  private readonly now: () => Date;

  private constructor(private readonly d: AgentRegistryDeps) {
    this.now = d.now ?? (() => new Date());
  }

  /** Loads agents.json; an unreadable one is logged (ER_2346) and the list starts again, as reports arrive. */
  static async load(d: AgentRegistryDeps): Promise<AgentRegistry> {
    const r = new AgentRegistry(d);
    const text = await readFile(d.file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
    if (text === undefined) return r;
    let parsed: ReturnType<typeof fileSchema.safeParse>;
    try {
      const json: unknown = JSON.parse(text);
      recordFormat(json, d.file); // a newer program's list: refused (ER_8101), never started again and overwritten
      parsed = fileSchema.safeParse(json);
    } catch (e) {
      if (isCodedError(e, 'ER_8101')) throw e;
      d.log(problem('ER_2346', { path: d.file, reason: e instanceof Error ? e.message : String(e) }));
      return r;
    }
    if (!parsed.success) d.log(problem('ER_2346', { path: d.file, reason: parsed.error.issues[0]?.message ?? 'invalid' }));
    else for (const a of parsed.data.agents) r.agents.set(a.identity, a);
    r.warnedCount = r.agents.size > AGENTS_WARN;
    return r;
  }

  get size(): number {
    return this.agents.size;
  }

  /** A report from `address` was stored (or, with `problem`, refused) for the agent its machine names. */
  saw(machine: ReportMachine, address: string, outcome: { received: boolean; problem?: Problem }): void {
    const identity = identityOf(machine);
    const at = this.now().toISOString();
    let a = this.agents.get(identity);
    if (!a) {
      a = { identity, ...pickMachine(machine), addresses: [], firstSeen: at, lastSeen: at, received: 0, forwarded: 0, machines: [] };
      this.agents.set(identity, a);
      if (this.agents.size > AGENTS_WARN && !this.warnedCount) {
        this.warnedCount = true;
        this.d.log(problem('ER_2347', { count: this.agents.size }));
      }
    }
    a.lastSeen = at;
    a.addresses = [address, ...a.addresses.filter((x) => x !== address)].slice(0, MAX_ADDRESSES);
    const key = machineKey(machine);
    if (!a.machines.includes(key)) {
      a.machines = [...a.machines, key].slice(-MAX_MACHINES);
      if (a.machines.length > 1 && !this.warnedConflict.has(identity)) {
        this.warnedConflict.add(identity);
        this.d.log(problem('ER_2348', { identity, addresses: a.addresses.join(', ') }));
      }
    }
    Object.assign(a, pickMachine(machine));
    if (outcome.received) a.received++;
    if (outcome.problem) a.lastProblem = outcome.problem;
    this.changed();
  }

  /** A stored report of the agent was forwarded (or, with a problem, given up). */
  settled(identity: string, outcome: { forwarded: boolean; problem?: Problem }): void {
    const a = this.agents.get(identity);
    if (!a) return;
    if (outcome.forwarded) a.forwarded++;
    if (outcome.problem) a.lastProblem = outcome.problem;
    this.changed();
  }

  list(waiting: ReadonlyMap<string, number>): RelayAgent[] {
    const now = this.now().getTime();
    return [...this.agents.values()]
      .map((a) => {
        const { machines, ...shown } = a;
        return { ...shown, waiting: waiting.get(a.identity) ?? 0, silent: now - Date.parse(a.lastSeen) > SILENT_MS, conflict: machines.length > 1 };
      })
      .sort((x, y) => (x.identity < y.identity ? -1 : x.identity > y.identity ? 1 : 0));
  }

  flagged(): number {
    const now = this.now().getTime();
    let n = 0;
    for (const a of this.agents.values()) if (a.machines.length > 1 || now - Date.parse(a.lastSeen) > SILENT_MS) n++;
    return n;
  }

  /** Writes what changed now (at stop). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }

  private changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, SAVE_EVERY_MS);
    this.timer.unref();
  }

  private save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const body = JSON.stringify(stamped({ version: 1, agents: [...this.agents.values()] }));
      await writeFileAtomic(this.d.file, body, { mode: 0o600 }).catch((e: unknown) => {
        this.dirty = true;
        this.d.log(problem('ER_2341', { reason: `${this.d.file}: ${e instanceof Error ? e.message : String(e)}` }));
      });
    });
    return this.saving;
  }
}

function pickMachine(m: ReportMachine): ReportMachine {
  return { serverName: m.serverName, deviceCode: m.deviceCode, serialNumber: m.serialNumber, userSystemCode: m.userSystemCode };
}
