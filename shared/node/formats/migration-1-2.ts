/**
 * Migration 1 → 2 (0.1.0's folders): each JSON record the service wrote in state gets `"format": 2`, the relay's
 * seen.log / intent.log get their header line, and then the folder stamp. Every step rewrites one file atomically and
 * skips a file that is already done, so a run cut short anywhere is finished by the next one. The config folder's INI
 * files do not change (their format is the stamp's).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { errnoCode } from '../coded-error.js';
import { logHeader, recordFormat } from './format.js';

/** One step: a name for messages, and the work (false: nothing to do). */
export interface Step {
  name: string;
  run(): Promise<boolean>;
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/** Adds `"format": 2` first, keeping the file's own layout (indented or one line) and mode. */
function addFormatField(path: string): Step {
  return {
    name: path,
    run: async () => {
      const text = await readIfThere(path);
      if (text === undefined) return false;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return false; // not ours to repair: its reader sets it aside or reports it, as before
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
      if (recordFormat(json, path) >= 2) return false;
      const indented = /^\{\n {2}"/.test(text);
      const body = JSON.stringify({ format: 2, ...json }, null, indented ? 2 : undefined);
      await writeFileAtomic(path, `${body}\n`);
      return true;
    },
  };
}

/** seen.log / intent.log: the header line first (a `#` line, which format 1's reader would have counted as torn). */
function addLogHeader(path: string): Step {
  return {
    name: path,
    run: async () => {
      const text = await readIfThere(path);
      if (text === undefined || text.startsWith('#')) return false;
      await writeFileAtomic(path, logHeader('relay-ids') + text);
      return true;
    },
  };
}

async function jsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((e: unknown) => (errnoCode(e) === 'ENOENT' ? [] : Promise.reject(e)));
  return names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

/** The state folder's steps, in order; the caller writes the stamp after the last. */
export async function stateSteps1to2(stateDir: string): Promise<Step[]> {
  const records = [
    ...(await jsonFiles(join(stateDir, 'spool'))),
    ...(await jsonFiles(join(stateDir, 'sent'))),
    ...(await jsonFiles(join(stateDir, 'expired'))),
    ...['heartbeat.json', 'maintenance.json', 'tested-settings.json', 'activation-notified', 'relay/agents.json'].map((n) => join(stateDir, n)),
  ];
  return [...records.map(addFormatField), ...['relay/seen.log', 'relay/intent.log'].map((n) => addLogHeader(join(stateDir, n)))];
}
