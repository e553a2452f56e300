import { text, type Lang, type LocalizedText } from '../../shared/messages/text.js';
import { formatProblem, problem, type Problem } from '../../shared/messages/problem.js';
import { printableLines } from '../../shared/messages/printable.js';
import { READ_LIMITS, readStreamBounded } from '../../shared/node/bounded-read.js';
import { errnoCode, reasonOf } from '../../shared/node/coded-error.js';

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

let exitWhenOutputCloses = true;
let guarded = false;
const closed = new Set<NodeJS.WriteStream>();

/**
 * `express-report config list | head -1`: the reader goes away and the next write fails with EPIPE. Like other Unix
 * tools, the command then stops quietly with status 0 instead of dying on an unhandled 'error' with a stack trace.
 * The service (stayWhenOutputCloses) keeps running instead: its log file still has every line. Any other write
 * failure of the terminal is not worth a stack trace either: status 1, and the message on whichever stream still works.
 */
function guardOutput(): void {
  const onError =
    (stream: NodeJS.WriteStream) =>
    (e: unknown): void => {
      closed.add(stream);
      if (errnoCode(e) === 'EPIPE') {
        if (exitWhenOutputCloses) process.exit(0);
        return;
      }
      if (stream === process.stdout) process.stderr.write(`${formatProblem(problem('ER_1002', { path: '-', reason: reasonOf(e) }), 'en')}\n`);
      process.exit(1);
    };
  if (guarded) return;
  guarded = true;
  // Always our own listener, whoever else listens: a stream piped into stdout drops its listener on the first error
  // and Node then throws if none is left.
  process.stdout.on('error', onError(process.stdout));
  process.stderr.on('error', onError(process.stderr));
}

/** For `service`: a closed stdout / stderr stops the echo, not the service. */
export function stayWhenOutputCloses(): void {
  exitWhenOutputCloses = false;
}

/**
 * The terminal: every line goes through printableLines (no ESC sequence, carriage return or bidi override from a file
 * or a peer reaches the screen; line feeds of multi-line text such as help stay), and standard input is read through
 * the same bound as every other input (READ_LIMITS.stdinValue: `config set KEY --stdin < /dev/zero` stops at once).
 */
export function processIo(lang: Lang): CliIo {
  guardOutput();
  const write = (stream: NodeJS.WriteStream, l: string): void => {
    if (!closed.has(stream)) stream.write(`${printableLines(l)}\n`);
  };
  return {
    lang,
    out: (l) => write(process.stdout, l),
    err: (l) => write(process.stderr, l),
    readStdin: async () => Buffer.from(await readStreamBounded(process.stdin, READ_LIMITS.stdinValue, text('標準入力', 'standard input'))).toString('utf8'),
  };
}

export const say = (io: CliIo, t: LocalizedText): void => io.out(t[io.lang]);
export const printProblems = (io: CliIo, ps: readonly Problem[]): void => ps.forEach((p) => io.err(formatProblem(p, io.lang)));
