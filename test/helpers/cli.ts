import { main } from '../../service/cli/main.js';
import { type CliIo } from '../../service/cli/io.js';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the command line in-process, in English unless --lang says otherwise, with a locale-free environment. */
export async function cli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    lang: 'en', // main() sets the language from --lang and the environment
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
    readStdin: async () => opts.stdin ?? '',
  };
  const code = await main(args, io, { LANG: 'C', ...opts.env });
  return { code, out, err };
}
