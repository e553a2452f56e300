/**
 * A long-running reader process whose stdout is a stream of lines (journalctl -f; on Windows a subscription helper).
 * Started without a shell; when it ends while we still want it, the reason is logged (ER_1400) and it is started
 * again after a backoff delay, with arguments chosen afresh (so it can continue where the last one stopped).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';

export interface SupervisedReaderOptions {
  command: string;
  /** The arguments of each start. */
  args: () => string[];
  onLine: (line: string) => void;
  onProblem: (p: Problem) => void;
  env?: Readonly<Record<string, string>>;
  backoff?: BackoffOptions;
}

/** The end of stderr is enough to say why a reader stopped. */
const STDERR_TAIL = 400;
const KILL_AFTER_MS = 3_000;

export class SupervisedReader {
  private child: ChildProcess | undefined;
  private closed: Promise<void> = Promise.resolve();
  private restart: ReturnType<typeof setTimeout> | undefined;
  private stopping = false;
  private readonly backoff: Backoff;

  constructor(private readonly o: SupervisedReaderOptions) {
    this.backoff = new Backoff(o.backoff ?? DEFAULT_BACKOFF);
  }

  start(): void {
    this.stopping = false;
    this.run();
  }

  private run(): void {
    this.restart = undefined;
    const started = Date.now();
    let stderr = '';
    let failure: string | undefined;
    const child = spawn(this.o.command, this.o.args(), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: this.o.env ? { ...process.env, ...this.o.env } : process.env,
    });
    this.child = child;
    child.stderr?.setEncoding('utf8').on('data', (s: string) => {
      stderr = (stderr + s).slice(-STDERR_TAIL);
    });
    const lines = child.stdout ? createInterface({ input: child.stdout, crlfDelay: Infinity }) : undefined;
    lines?.on('line', (l) => this.o.onLine(l));
    child.on('error', (e) => {
      failure = e.message;
    });
    this.closed = new Promise((resolve) => {
      // 'close' comes after 'exit' (or a failed spawn's 'error') once stdout is drained: no line is lost.
      child.on('close', (code, signal) => {
        lines?.close();
        this.child = undefined;
        resolve();
        if (this.stopping) return;
        const why = failure ?? (signal ? `signal ${signal}` : `exit code ${code ?? '?'}`);
        const tail = stderr.trim().split('\n').pop();
        const delay = this.backoff.next(Date.now() - started);
        this.o.onProblem(
          problem('ER_1400', {
            command: this.o.command,
            reason: tail && !failure ? `${why}: ${tail}` : why,
            seconds: Math.round(delay / 100) / 10,
          }),
        );
        this.restart = setTimeout(() => this.run(), delay);
      });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restart) clearTimeout(this.restart);
    this.restart = undefined;
    const child = this.child;
    if (child) {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await this.closed;
      clearTimeout(kill);
    }
  }
}
