/**
 * A machine set up through the in-process command line on a fresh folder: init → activate by key code → AMHTPADR.INF's
 * URL1 (and URL2) at the test receivers → the test CA as https.caFile (with `set`, further settings). Each step must
 * succeed (asserted, with the command's errors as the message).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { activateArgs, pointDestinations } from './activation.js';
import { cli, type CliRun } from './cli.js';

export interface CliMachine {
  base: string;
  dirs: { configDir: string; stateDir: string };
  /** The test CA's certificate, as https.caFile. */
  caFile: string;
  /** A command on the machine's folders, whatever its outcome. */
  run(args: string[]): Promise<CliRun>;
  /** A command that must succeed. */
  ok(args: string[]): Promise<CliRun>;
}

export async function cliMachine(
  base: string,
  o: { who: 'SERVER001' | 'S1'; url1: string; url2?: string; caPem: string; caName?: string; set?: string[] },
): Promise<CliMachine> {
  const dirs = { configDir: join(base, 'config'), stateDir: join(base, 'state') };
  const run = (args: string[]) => cli(['--config-dir', dirs.configDir, '--state-dir', dirs.stateDir, ...args]);
  const ok = async (args: string[]) => {
    const r = await run(args);
    expect(r.code, r.err.join('\n')).toBe(0);
    return r;
  };
  await ok(['init']);
  await ok(activateArgs(o.who));
  await pointDestinations(dirs.configDir, o.url1, o.url2);
  const caFile = join(base, o.caName ?? 'center-ca.pem');
  await writeFile(caFile, o.caPem);
  await ok(['config', 'set', 'https.caFile', caFile, ...(o.set ?? [])]);
  return { base, dirs, caFile, run, ok };
}
