/**
 * Where events come from, started by the service: the drop folder, then the OS sources (the journal, syslog files),
 * each resuming where it stopped (<state>/sources/) and catching up no further back than the retry limit. Each one
 * started is handed to `closeLater` at once, so a start that fails half-way still stops what it began.
 */
import { join } from 'node:path';
import { type Problem } from '../../shared/messages/problem.js';
import { DropFolder, type DropFolderOptions } from '../sources/drop-folder.js';
import { type IncomingEvent } from '../sources/event-source.js';
import { platformSources } from '../sources/platform.js';
import { sourcesDir } from '../sources/position-store.js';
import { type EventOutcome } from '../../shared/host/service-types.js';

export interface EventSourcesOptions {
  stateDir: string;
  drop?: DropFolderOptions;
  /** false: no OS sources (tests, and platforms without any). */
  osEvents?: false | { syslogFiles?: string[]; journalctl?: string };
  /** schedule.retry.limitHours: an older line is staler than any report still tried (sources/catch-up.ts). */
  catchUpHours: number | undefined;
  /** A dropped file's event: through the intake like the local API's. */
  accept(e: IncomingEvent): Promise<EventOutcome>;
  /** An OS event: taken (true) once the intake has it, or found not monitored. */
  fromOs(e: IncomingEvent): Promise<boolean>;
  log(p: Problem): void;
  closeLater(stop: () => Promise<void> | void): void;
}

export async function startEventSources(o: EventSourcesOptions): Promise<void> {
  const drop = new DropFolder(join(o.stateDir, 'drop'), (e) => o.accept(e), o.log, o.drop);
  o.closeLater(() => drop.stop());
  await drop.start();
  if (o.osEvents === false) return;
  const sources = await platformSources({ ...o.osEvents, positions: sourcesDir(o.stateDir), catchUpHours: o.catchUpHours, onProblem: o.log });
  const started: typeof sources = [];
  o.closeLater(async () => {
    await Promise.all(started.map((x) => x.stop()));
  });
  for (const source of sources) {
    started.push(source);
    await source.start((e) => o.fromOs(e));
  }
}
