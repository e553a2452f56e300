/**
 * What the service calls (docs/log-collection.md):
 *  - collectForEvent: a failure event -> the AMHTPLOG.INF sections that match -> their commands run (trusted only,
 *    TimeOut for all) -> the LogFile paths to zip at send time;
 *  - collectTools: the same for AMHTPHBI.INF's single [Tools] (scheduled configuration information);
 *  - attachmentFor: a fresh zip of report.logs for each send (routes call it once per destination and retry).
 * Nothing is copied at collection time: the report keeps paths, the zip streams from the logs themselves when sent.
 * The notes (coded, ja/en) go to the service log and travel in report.logs.notes into _collection.txt.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { type Readable } from 'node:stream';
import { type Collection, type ToolPaths } from '../../shared/inf/collect.js';
import { toolSection, type LogModel } from '../../shared/inf/log.js';
import { planFor, type EventRef, type LogPlan } from '../../shared/inf/log-match.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { formatEventId, type Report, type ReportLogs } from '../../shared/report/model.js';
import { type AttachmentFor } from '../routes/route.js';
import { maxBytesOf } from './limits.js';
import { runTools, type ToolCommand } from './run-tools.js';
import { checkTrusted, type TrustOptions } from './trust.js';
import { zipLogs } from './zip-stream.js';

export interface CollectOptions {
  /** The definition file the model was read from: it must be trusted before its commands run or its paths are read. */
  definitionFile: string;
  /** The service is stopping: the running command is ended, no other starts. */
  signal?: AbortSignal;
  trust?: TrustOptions;
  killGraceMs?: number;
}

/** ReportLogs plus what the collection did (for _collection.txt). */
export interface CollectedLogs extends ReportLogs {
  notes: Problem[];
}

export interface CollectResult {
  /** undefined = no attachment (no section applies). */
  logs: CollectedLogs | undefined;
  /** Everything that happened, for the service log (the same notes as logs.notes, plus why nothing applies). */
  notes: Problem[];
}

interface Section extends ToolPaths {
  section: string;
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** A command that may run, or the note saying why not. */
async function runnable(s: Section, trust: TrustOptions | undefined): Promise<ToolCommand | Problem> {
  const command = s.command.trim();
  const directory = s.directory.trim();
  const named = { command, section: s.section };
  if (!isAbsolute(command)) return problem('ER_4302', { section: s.section, key: 'Command', value: command });
  if (directory === '') return problem('ER_4303', named);
  if (!isAbsolute(directory)) return problem('ER_4302', { section: s.section, key: 'Directory', value: directory });
  if (!(await isFolder(directory))) return problem('ER_4304', { ...named, directory });
  const t = await checkTrusted(command, trust);
  if (t.ok === false) return problem(t.missing ? 'ER_1300' : 'ER_4301', { ...named, reason: t.reason });
  // The working folder too: a root command writing relative paths into a folder others may change is theirs to steer.
  const w = await checkTrusted(directory, { ...trust, kind: 'folder' });
  if (w.ok === false) return problem('ER_4301', { ...named, reason: w.reason });
  // Run what was judged: the resolved paths, so no link in a chain can be switched between the check and the start.
  return { section: s.section, command: t.ok === true ? t.real : command, directory: w.ok === true ? w.real : directory };
}

async function collect(sections: readonly Section[], c: Collection, o: CollectOptions): Promise<CollectedLogs> {
  const notes: Problem[] = [];
  const maxBytes = maxBytesOf(c.maxSizeKB);
  const def = await checkTrusted(o.definitionFile, o.trust);
  if (def.ok === false) {
    // An untrusted file could name any file as a LogFile too: nothing of it is used, the archive only says why.
    notes.push(problem('ER_4300', { file: o.definitionFile, reason: def.reason }));
    return { paths: [], maxBytes, notes };
  }
  if (def.ok === 'unchecked') notes.push(problem('ER_4305', { file: o.definitionFile }));
  const commands: ToolCommand[] = [];
  for (const s of sections) {
    if (s.command.trim() === '') continue;
    const r = await runnable(s, o.trust);
    if ('code' in r) notes.push(r);
    else commands.push(r);
  }
  notes.push(
    ...(await runTools(commands, {
      timeoutSeconds: c.timeoutSeconds,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.killGraceMs !== undefined ? { killGraceMs: o.killGraceMs } : {}),
    })),
  );
  const paths: string[] = [];
  for (const s of sections) {
    const p = s.logFile.trim();
    if (p === '') continue;
    if (!isAbsolute(p)) notes.push(problem('ER_4302', { section: s.section, key: 'LogFile', value: p }));
    else if (!paths.includes(p)) paths.push(p);
  }
  return { paths, maxBytes, notes };
}

/** AMHTPLOG.INF for one failure event: by the plan intake made (service/intake/plan.ts), or planned here (a resumed one). */
export async function collectForEvent(event: EventRef, model: LogModel, o: CollectOptions, planned?: LogPlan): Promise<CollectResult> {
  const ev = { source: event.source, id: formatEventId(event.id) };
  const plan = planned ?? planFor(model, event);
  if (plan.via === 'none') return { logs: undefined, notes: [problem(plan.why === 'none-trouble' ? 'ER_6301' : 'ER_6302', ev)] };
  const sections: Section[] =
    plan.via === 'tools'
      ? plan.tools.map((t) => ({ section: toolSection(t.index), command: t.command, logFile: t.logFile, directory: t.directory }))
      : [{ section: 'DefaultTools', ...plan.tool }];
  const logs = await collect(sections, model, o);
  logs.notes.unshift(problem('ER_6300', { ...ev, sections: sections.map((s) => `[${s.section}]`).join(', ') }));
  return { logs, notes: logs.notes };
}

/** AMHTPHBI.INF [Tools]: an empty Command runs nothing (its LogFile is still taken); nothing at all = no attachment. */
export async function collectTools(tools: ToolPaths, collection: Collection, o: CollectOptions): Promise<CollectResult> {
  if (tools.command.trim() === '' && tools.logFile.trim() === '') return { logs: undefined, notes: [] };
  const logs = await collect([{ section: 'Tools', ...tools }], collection, o);
  return { logs, notes: logs.notes };
}

function headerOf(r: Report): string[] {
  const lines = ['Express Report', `report ${r.id} (${r.kind}), ${r.createdAt}`];
  if (r.event) lines.push(`event ${r.event.source} ${formatEventId(r.event.id)}, ${r.event.time}`);
  return lines;
}

/** The routes' attachment: a new zip of report.logs per call, or undefined when the report has no logs. */
export const attachmentFor: AttachmentFor = (report) => {
  const logs = report.logs;
  if (!logs) return undefined;
  return (): Readable => zipLogs(logs.paths, logs.maxBytes, { notes: logs.notes ?? [], header: headerOf(report) });
};
