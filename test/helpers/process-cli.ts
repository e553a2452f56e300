import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const BIN = join(fileURLToPath(new URL('../..', import.meta.url)), 'bin', 'express-report.mjs');

export interface ProcessRun {
  code: number;
  out: string;
  err: string;
}

/** `express-report` as its own process, as an operator types it (English messages), on the given folders. */
export function processCli(configDir: string, stateDir: string): { argv: string[]; run(args: string[]): Promise<ProcessRun> } {
  const argv = [BIN, '--config-dir', configDir, '--state-dir', stateDir];
  return {
    argv,
    run: async (args) => {
      try {
        const r = await promisify(execFile)(process.execPath, [...argv, ...args], { env: { ...process.env, LANG: 'C' } });
        return { code: 0, out: r.stdout, err: r.stderr };
      } catch (e) {
        const x = e as { code: number; stdout: string; stderr: string };
        return { code: x.code, out: x.stdout, err: x.stderr };
      }
    },
  };
}
