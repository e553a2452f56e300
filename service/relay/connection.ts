/**
 * One agent's connection (docs/relay.md, "Receiving"): frames are read as they stream in (frame-stream.ts), each
 * answered in order. A report's first bytes (up to its header, at most 64 KiB) are held until the header is checked;
 * then the frame goes to `incoming/<random>.part` piece by piece with the socket's backpressure, and at its CRC it is
 * committed with the others ready (group-commit.ts) and only then acknowledged. A repeat (the id is stored, or was)
 * is acknowledged without a copy. test / activation are forwarded at once (forwardNow) and answered with the
 * center's answer. A frame that cannot be read is NAKed and the connection closed: nothing of it is kept.
 */
import { unlink } from 'node:fs/promises';
import { type Socket } from 'node:net';
import { type Readable } from 'node:stream';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { isCodedError, reasonOf } from '../../shared/node/coded-error.js';
import { type Report } from '../../shared/report/model.js';
import { namesLogs, relayedReport, type RelayedReport } from '../../shared/report/relayed.js';
import { type Outcome } from '../routes/route.js';
import { ackFrame, nakFrame, permanentFrameError, UNKNOWN_ID, type Refusal } from './answer.js';
import { roomFor, type RelayLimits } from './checks.js';
import { FrameStreamReader, type ReadEvent } from './frame-stream.js';
import { type PartFile } from './part-file.js';
import { identityOf, type AgentRegistry } from './agents.js';
import { type RelayStore } from './store.js';
import { type RelayVia } from './via.js';
import { payloadOf } from './frame-file.js';

/** What the manager's pipeline offers the receiver (H3's parts, wired by the composition root; absent: not yet built). */
export interface RelayHandoff {
  /** failure / heartbeat / maintenance, once stored: into the spool to be forwarded (spool.accept is idempotent by id). */
  relayed?: (r: { report: Report; via: RelayVia }) => Promise<unknown>;
  /** test / activation: forwarded now; the answer is the center's. */
  forwardNow?: (r: { report: Report; via: RelayVia; attachment?: () => Readable }, signal: AbortSignal) => Promise<Outcome>;
  /** Waiting or done in the spool (a repeat after the frame was forwarded and removed). */
  inSpool?: (id: string) => boolean;
  /** Where a report stands in the spool (the agent list counts the forwarded ones). */
  fateOf?: (id: string) => { folder: 'pending' | 'sent' | 'expired'; problem?: Problem } | undefined;
}

export interface ConnectionDeps {
  kind: RelayVia['port'];
  store: RelayStore;
  agents: AgentRegistry;
  handoff: RelayHandoff;
  limits(): RelayLimits;
  log(p: Problem): void;
  /** The reports being stored now, by id, shared by every connection: a second copy in flight waits for the first. */
  inFlight: Map<string, Promise<boolean>>;
  /** Hands a stored report to the pipeline (queued, retried: receiver.ts). */
  handOn(report: Report, via: RelayVia): void;
  stopping(): boolean;
  /** No byte for this long: closed (mid-frame: NAKed first). */
  idleMs: number;
  /** test / activation: the longest the forwarding may take before the agent is told to try again (it waits 600 s). */
  forwardMs: number;
  now(): Date;
}

/** The manager holds at most this many unprocessed read events per connection before it stops reading the socket. */
const QUEUE_HIGH = 64;

const IMMEDIATE = new Set(['test', 'activation']);

/** A read event, or the reader's failure queued behind the frames read before it (they are answered first). */
type Item = ReadEvent | { e: 'fail'; problem: Problem; permanent: boolean };

interface Current {
  type: 'report' | 'probe';
  id?: string;
  /** Bytes before the header's verdict. */
  early: Buffer[];
  part?: PartFile;
  report?: RelayedReport;
  refused?: Refusal;
  repeat?: boolean;
}

export function serveConnection(socket: Socket, d: ConnectionDeps): void {
  const address = socket.remoteAddress ?? 'unknown';
  const reader = new FrameStreamReader();
  const queue: Item[] = [];
  let pumping = false;
  let closed = false;
  let cur: Current | undefined;

  const send = (b: Buffer): void => {
    if (!closed && !socket.destroyed) socket.write(b);
  };
  const finish = (): void => {
    closed = true;
    socket.end();
    // A peer that never reads its NAK must not hold the socket: it goes once the answer had its chance.
    setTimeout(() => socket.destroy(), 5_000).unref();
  };
  const drop = async (): Promise<void> => {
    const part = cur?.part;
    cur = undefined;
    await part?.abort();
  };
  const fail = (p: Problem, permanent: boolean): void => {
    d.log(problem('ER_2350', { address, reason: p.message.en }));
    send(nakFrame(cur?.id ?? UNKNOWN_ID, p, permanent));
    void drop();
    queue.length = 0;
    finish();
  };

  socket.setNoDelay(true);
  socket.setTimeout(d.idleMs, () => {
    if (closed) return;
    if (reader.idle && !pumping && queue.length === 0) return void socket.destroy();
    if (pumping) return; // a commit or a forwarding is under way: its own timeout answers
    fail(problem('ER_2334', { address, seconds: Math.round(d.idleMs / 1000) }), false);
  });
  socket.on('data', (chunk: Buffer) => {
    if (closed) return;
    const { events, damage } = reader.read(chunk);
    // What was read before the damage is still answered first, in order; then the NAK closes the connection.
    queue.push(...events);
    if (damage !== undefined) {
      const p = isCodedError(damage) ? damage.problem : problem('ER_2350', { address, reason: reasonOf(damage) });
      queue.push({ e: 'fail', problem: p, permanent: permanentFrameError(p.code) });
    }
    if (queue.length > QUEUE_HIGH) socket.pause();
    void pump();
  });
  socket.on('error', () => undefined); // a reset by the agent: the close below cleans up
  socket.on('close', () => {
    closed = true;
    queue.length = 0;
    if (!pumping) void drop();
  });

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0 && !closed) {
        const ev = queue.shift()!;
        if (queue.length < QUEUE_HIGH / 2 && socket.isPaused()) socket.resume();
        await handle(ev);
      }
    } catch (e) {
      fail(problem('ER_2341', { reason: reasonOf(e) }), false);
    } finally {
      pumping = false;
      if (closed) await drop();
    }
  };

  const handle = async (ev: Item): Promise<void> => {
    switch (ev.e) {
      case 'fail':
        return fail(ev.problem, ev.permanent);
      case 'begin':
        cur = { type: ev.type, early: [] };
        if (d.stopping()) cur.refused = { problem: problem('ER_2343'), permanent: false };
        return;
      case 'data':
        if (!cur || cur.type !== 'report' || cur.refused || cur.repeat) return;
        if (cur.part) await cur.part.write(ev.bytes);
        else cur.early.push(ev.bytes);
        return;
      case 'section':
        if (!cur) return;
        if (ev.part === 'id') cur.id = ev.value.toString('latin1');
        else await verdict(cur, ev.value);
        return;
      case 'end':
        if (!cur) return;
        await answer(cur);
        cur = undefined;
        return;
    }
  };

  /** The header read: take the report, refuse it, or recognise a repeat, before any of its payload is stored. */
  const verdict = async (c: Current, header: Buffer): Promise<void> => {
    if (c.refused) return;
    let json: unknown;
    try {
      json = JSON.parse(header.toString('utf8'));
    } catch (e) {
      c.refused = { problem: problem('ER_2335', { reason: `not JSON (${reasonOf(e)})` }), permanent: true };
      return;
    }
    if (namesLogs(json)) {
      c.refused = { problem: problem('ER_2352'), permanent: true };
      return;
    }
    const parsed = relayedReport(json);
    if (!parsed.ok) {
      c.refused = { problem: problem('ER_2335', { reason: parsed.reason }), permanent: true };
      return;
    }
    const r = parsed.report;
    if (r.id !== c.id) {
      c.refused = { problem: problem('ER_2337', { frameId: c.id ?? '', headerId: r.id }), permanent: true };
      return;
    }
    c.report = r;
    const immediate = IMMEDIATE.has(r.kind);
    if (!immediate && (d.store.holds(r.id) || d.inFlight.has(r.id) || d.handoff.inSpool?.(r.id))) {
      c.repeat = true;
      c.early = [];
      return;
    }
    const missing = immediate ? !d.handoff.forwardNow : !d.handoff.relayed;
    if (missing) {
      c.refused = { problem: problem('ER_2342', { kind: r.kind }), permanent: false };
      return;
    }
    const full = await roomFor(d.store, d.limits(), identityOf(r.machine));
    if (full) {
      c.refused = full;
      d.agents.saw(r.machine, address, { received: false, problem: full.problem });
      return;
    }
    c.part = d.store.newPart();
    for (const b of c.early) await c.part.write(b);
    c.early = [];
  };

  const answer = async (c: Current): Promise<void> => {
    const id = c.id ?? UNKNOWN_ID;
    if (c.type === 'probe') {
      const full = c.refused ?? (await roomFor(d.store, d.limits()));
      return send(full ? nakFrame(id, full.problem, full.permanent) : ackFrame(id));
    }
    if (c.refused) {
      d.log(problem('ER_2350', { address, reason: c.refused.problem.message.en }));
      return send(nakFrame(id, c.refused.problem, c.refused.permanent));
    }
    const r = c.report!;
    if (c.repeat) {
      const first = d.inFlight.get(r.id);
      if (first && !(await first)) return send(nakFrame(id, problem('ER_2341', { reason: 'the first copy could not be stored' }), false));
      d.log(problem('ER_6713', { id: r.id, address }));
      return send(ackFrame(id));
    }
    const part = c.part!;
    c.part = undefined;
    const stored = store(part, r);
    d.inFlight.set(r.id, stored);
    let ok: boolean;
    try {
      ok = await stored;
    } finally {
      d.inFlight.delete(r.id);
    }
    if (!ok) return send(nakFrame(id, problem('ER_2341', { reason: `${r.id}: the file could not be made durable` }), false));
    const via: RelayVia = { port: d.kind, from: address, receivedAt: d.now().toISOString() };
    if (IMMEDIATE.has(r.kind)) return send(await forward(r, via));
    d.agents.saw(r.machine, address, { received: true });
    d.log(problem('ER_6712', { id: r.id, kind: r.kind, address }));
    send(ackFrame(id));
    d.handOn(r, via);
  };

  /** The part made durable as received/<id>.frame (group commit); false when it could not be. */
  const store = async (part: PartFile, r: RelayedReport): Promise<boolean> => {
    try {
      const fd = await part.finish();
      const via = { port: d.kind, from: address };
      await d.store.commits.commit({ fd, part: part.path, final: d.store.framePath(r.id), id: r.id, remember: !IMMEDIATE.has(r.kind), via });
      d.store.note(r.id, { agent: identityOf(r.machine), bytes: part.size });
      return true;
    } catch (e) {
      await part.abort();
      d.log(problem('ER_2341', { reason: `${r.id}: ${reasonOf(e)}` }));
      return false;
    }
  };

  /** test / activation: forwarded now; the agent reads the center's answer. The stored frame goes once it is answered. */
  const forward = async (r: RelayedReport, via: RelayVia): Promise<Buffer> => {
    const file = d.store.framePath(r.id);
    const seconds = Math.round(d.forwardMs / 1000);
    let out: Outcome;
    try {
      out = await d.handoff.forwardNow!({ report: r, via, attachment: payloadOf(file) }, AbortSignal.timeout(d.forwardMs));
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      out = { ok: false, retry: true, problem: timedOut ? problem('ER_2344', { kind: r.kind, seconds }) : problem('ER_2341', { reason: reasonOf(e) }) };
    } finally {
      d.store.forget(r.id);
      await unlink(file).catch(() => undefined);
    }
    d.agents.saw(r.machine, address, { received: true, ...(out.ok ? {} : { problem: out.problem }) });
    if (out.ok) d.agents.settled(identityOf(r.machine), { forwarded: true });
    // The ACK carries the manager's words on how it went (the center's answer, whether a result mail comes).
    return out.ok ? ackFrame(r.id, out.answer) : nakFrame(r.id, out.problem, !out.retry);
  };
}
