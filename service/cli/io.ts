import { type Lang } from '../../shared/messages/text.js';
import { formatProblem, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';

/** Where a command writes, and in which language; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  lang: Lang;
}

/** --lang wins; otherwise the locale (LC_ALL, LC_MESSAGES, LANG) decides: ja* is Japanese, anything else English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja/i.test(loc) ? 'ja' : 'en';
}

export function processIo(lang: Lang): CliIo {
  return {
    lang,
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export const say = (io: CliIo, t: LocalizedText): void => io.out(t[io.lang]);
export const printProblems = (io: CliIo, ps: readonly Problem[]): void => ps.forEach((p) => io.err(formatProblem(p, io.lang)));
