/**
 * The SMTP server's replies as the mail route reads them (service/routes/mail/route.ts over nodemailer): the real
 * MailRoute sends a report to a scripted server on 127.0.0.1 (test/helpers/peers/scripted-mail-server.ts) that gives
 * its usual replies except at a few steps, where it sends fuzzed bytes (real-world replies of
 * test/fixtures/fuzz-corpus/smtp-replies.jsonl, the usual reply mutated, quirks), in pieces or whole, closes the
 * connection, stays silent, or sends a 10 MB line. STARTTLS and SMTP authentication (PLAIN, LOGIN, CRAM-MD5) are
 * chosen per input. A short mail.timeoutSeconds turns silence into a coded failure quickly.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { MailRoute } from '../../../service/routes/mail/route.js';
import { type Outcome } from '../../../service/routes/route.js';
import { type Problem } from '../../../shared/messages/problem.js';
import { mailConfig } from '../../helpers/peers/smtp-server.js';
import { routeContext, sampleReport } from '../../helpers/peers/https-config.js';
import { certificate, startScriptedServer, type Act, type ScriptedServer, type Seen } from '../../helpers/peers/scripted-mail-server.js';
import { ALL_QUIRKS, corpus, mutate } from '../corpus.js';
import { check, type FuzzTarget, type Verdict } from '../harness.js';

/** The replies of a corpus file (one JSON string a line, each character a byte). */
export function replies(file: string): Buffer[] {
  const text = corpus(file).get(file)?.toString('utf8') ?? '';
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => Buffer.from(JSON.parse(l) as string, 'latin1'));
}

const MB = 1024 * 1024;
let huge: { line: Buffer; continued: Buffer } | undefined;
/** A 10 MB reply line (ended or not) and 10 MB of `250-` continuation lines that never end, made once. */
export function hugeReplies(): { line: Buffer; continued: Buffer } {
  huge ??= {
    line: Buffer.concat([Buffer.from('250 '), Buffer.alloc(10 * MB, 'x'), Buffer.from('\r\n')]),
    continued: Buffer.alloc(10 * MB, '250-continued reply line\r\n'),
  };
  return huge;
}

/** What a step does, as fast-check makes it (bytes chosen later, from the step's usual reply). */
export type ActSpec =
  | { kind: 'corpus'; index: number; pieces: number; thenClose: boolean }
  | { kind: 'mutated'; ms: Parameters<typeof mutate>[1]; pieces: number; thenClose: boolean }
  | { kind: 'quirks'; bytes: Buffer; pieces: number }
  | { kind: 'close' }
  | { kind: 'silent' }
  | { kind: 'huge'; which: 'line' | 'unended' | 'continued' };

const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), quirk: fc.nat(ALL_QUIRKS.length - 1), times: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }), times: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);
const pieces = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) });

export function actSpec(corpusSize: number): fc.Arbitrary<ActSpec> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('corpus' as const), index: fc.nat(corpusSize - 1), pieces, thenClose: fc.boolean() }) },
    {
      weight: 6,
      arbitrary: fc.record({ kind: fc.constant('mutated' as const), ms: fc.array(mutation, { minLength: 1, maxLength: 3 }), pieces, thenClose: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('quirks' as const),
        bytes: fc.array(fc.constantFrom(...ALL_QUIRKS), { maxLength: 12 }).map((qs) => Buffer.concat(qs)),
        pieces,
      }),
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'close' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'silent' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('huge' as const), which: fc.constantFrom('line' as const, 'unended' as const, 'continued' as const) }),
    },
  );
}

/** The act a spec makes at a step whose usual reply is `usual`. */
export function actOf(spec: ActSpec, usual: string, corpusReplies: readonly Buffer[]): Act {
  switch (spec.kind) {
    case 'corpus':
      return { bytes: corpusReplies[spec.index]!, pieces: spec.pieces, thenClose: spec.thenClose };
    case 'mutated':
      return { bytes: mutate(Buffer.from(usual, 'latin1'), spec.ms), pieces: spec.pieces, thenClose: spec.thenClose };
    case 'quirks':
      return { bytes: spec.bytes, pieces: spec.pieces };
    case 'close':
      return { close: true };
    case 'silent':
      return { silent: true };
    case 'huge': {
      const h = hugeReplies();
      return { bytes: spec.which === 'continued' ? h.continued : spec.which === 'line' ? h.line : h.line.subarray(0, -2) };
    }
  }
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/**
 * The JS heap, where a reply reader keeps what it buffers (nodemailer: a string). Not `external`: the socket's read
 * buffers are freed some time after a collection, which would count a 10 MB reply read and dropped as kept.
 */
const used = (): number => process.memoryUsage().heapUsed;

/**
 * Peak growth of the live JS heap while `run` goes, in bytes: sampled every few milliseconds; a sample over 4 MB is taken
 * again after a full collection, so the chunks already read and dropped do not count, and what the client holds does.
 */
export async function peakGrowth<T>(run: () => Promise<T>): Promise<{ result: T; grew: number }> {
  gc();
  gc();
  const before = used();
  let peak = before;
  const sample = (): void => {
    let now = used();
    if (now - before > 4 * MB) {
      gc();
      now = used();
    }
    peak = Math.max(peak, now);
  };
  const timer = setInterval(sample, 3);
  try {
    const result = await run();
    sample();
    return { result, grew: peak - before };
  } finally {
    clearInterval(timer);
  }
}

/** Fails the property when `p` has not settled `ms` after the timeout it was given: a hang, not a slow machine. */
export async function noHang<T>(p: Promise<T>, ms: number, abort: AbortController, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`hung: ${what} had not settled ${ms} ms after it began`));
    }, ms);
  });
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** The phrases of docs/messages.md's {phase} (smtp-errors.ts PHASES), one of which a timeout or a break names. */
export const PHASE_NAMED = /\((connecting|waiting for the greeting|the TLS handshake|authentication|sending the message|login)\)/;

/** Refusals counted by code over a run, printed when the target closes (docs/reliability.md quotes them). */
export class CodeCounts {
  private readonly counts = new Map<string, number>();
  add(code: string): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }
  print(target: string, hugePeakMB: number): void {
    if (this.counts.size === 0) return;
    const list = [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c} ${n}`);
    console.log(`${target} refusals by code: ${list.join(', ')}; largest growth during a 10 MB reply: ${hugePeakMB} MB`);
    this.counts.clear();
  }
}

const STEPS = ['greeting', 'ehlo', 'helo', 'starttls', 'ehlo-tls', 'auth', 'auth2', 'auth3', 'mail', 'rcpt', 'data', 'dot', 'quit', 'other'] as const;
type Step = (typeof STEPS)[number];
const METHODS = ['CRAM-MD5', 'LOGIN', 'PLAIN'] as const;

interface SmtpInput {
  security: 'none' | 'starttls';
  offerStartTls: boolean;
  /** The methods checked in the settings; undefined: SMTP authentication off. */
  auth: Array<(typeof METHODS)[number]> | undefined;
  acts: Array<[Step, ActSpec]>;
}

const USER = 'reporter';
const PASSWORD = 'Fuzz pass/word 1';
/** What must never appear in a problem: the password, alone or as SASL PLAIN / LOGIN carry it. */
const SECRETS = [PASSWORD, Buffer.from(PASSWORD).toString('base64'), Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64')];

/** The usual replies: Postfix's words. The auth exchange follows the method of the last AUTH line. */
function usualReplies(input: SmtpInput): (step: string, line: string) => string {
  let method = '';
  const ehlo = (tls: boolean): string =>
    ['250-mx.example.jp', '250-SIZE 10240000', ...(input.offerStartTls && !tls ? ['250-STARTTLS'] : []), '250-AUTH PLAIN LOGIN CRAM-MD5', '250 8BITMIME']
      .map((l) => `${l}\r\n`)
      .join('');
  return (step, line) => {
    if (step === 'auth') method = line.split(' ')[1]?.toUpperCase() ?? '';
    const ok = '235 2.7.0 Authentication successful\r\n';
    const r: Record<Step, string> = {
      greeting: '220 mx.example.jp ESMTP Postfix\r\n',
      ehlo: ehlo(false),
      'ehlo-tls': ehlo(true),
      helo: '250 mx.example.jp\r\n',
      starttls: '220 2.0.0 Ready to start TLS\r\n',
      auth: method === 'LOGIN' ? '334 VXNlcm5hbWU6\r\n' : method === 'CRAM-MD5' ? '334 PDE4OTYuNjk3MTcwOTUyQG14LmV4YW1wbGUuanA+\r\n' : ok,
      auth2: method === 'LOGIN' ? '334 UGFzc3dvcmQ6\r\n' : ok,
      auth3: ok,
      mail: '250 2.1.0 Ok\r\n',
      rcpt: '250 2.1.5 Ok\r\n',
      data: '354 End data with <CR><LF>.<CR><LF>\r\n',
      dot: '250 2.0.0 Ok: queued as 4Z8J2k0x1Yz\r\n',
      quit: '221 2.0.0 Bye\r\n',
      other: '502 5.5.2 Error: command not recognized\r\n',
    };
    return r[step as Step] ?? r.other;
  };
}

const smtpCorpus = replies('smtp-replies.jsonl');

const input: fc.Arbitrary<SmtpInput> = fc.record({
  security: fc.constantFrom('none' as const, 'starttls' as const),
  offerStartTls: fc.boolean(),
  auth: fc.option(fc.subarray([...METHODS], { minLength: 1 }), { nil: undefined }),
  acts: fc.array(fc.tuple(fc.constantFrom(...STEPS), actSpec(smtpCorpus.length)), { maxLength: 3 }),
});

/** A reply a server means as a final 2xx (RFC 5321 4.2, 4.5.3.1.5: continuation lines, then "2yz text", each line of at most 512 octets). */
export const WELL_FORMED_2XX = /^(2\d\d-[^\r\n\0]{0,506}\r\n)*2\d\d( [^\r\n\0]{0,506})?\r\n$/;

/** Bytes in a property's message: the start only, escaped. */
export const shown = (b: Buffer): string => JSON.stringify(b.subarray(0, 120).toString('latin1')) + (b.length > 120 ? `... (${b.length} bytes)` : '');

let server: ScriptedServer | undefined;
const codes = new CodeCounts();
/** The largest memory growth seen during a huge reply, in MB (docs/reliability.md). */
export const hugeFigures = { smtpPeakMB: 0, pop3PeakMB: 0 };

const SHORT_S = 0.15;

export const smtpReplyTarget: FuzzTarget<SmtpInput> = {
  name: 'smtp-reply',
  properties: [
    'MailRoute.send returns an outcome (nothing thrown) and never outlasts its timeout (a guard of the timeout + 20 s fails the property)',
    'a failure is ER_2200, 2201, 2202, 2204-2207 or 2209 naming the server and the step (phase, command, TLS or authentication), never the password',
    'success means the server received the message exactly once; a message the server accepted (a well-formed 2xx after the data) is never reported failed (it would be sent again)',
    'the live JS heap grows by less than 8 MB while a 10 MB reply line (ended or not) or 10 MB of continuation lines arrives',
  ],
  arbitrary: input,
  async run(i) {
    server ??= await startScriptedServer();
    const acts = new Map<string, ActSpec>(i.acts);
    const usual = usualReplies(i);
    const seen: Seen = server.play({
      protocol: 'smtp',
      usual,
      at: (step, line) => {
        const a = acts.get(step);
        return a === undefined ? undefined : actOf(a, usual(step, line), smtpCorpus);
      },
    });
    const timeoutS = i.acts.length === 0 ? 5 : SHORT_S;
    const config = mailConfig(server.port, {
      'mail.smtp.security': i.security,
      'mail.timeoutSeconds': timeoutS,
      'mail.auth.use': i.auth !== undefined,
      'mail.auth.user': USER,
      'mail.auth.password': PASSWORD,
      'mail.auth.methods': i.auth ?? [],
    });
    const abort = new AbortController();
    const route = new MailRoute({ ca: certificate().cert, clientName: 'client.example.jp' });
    const send = (): Promise<Outcome> =>
      noHang(route.send(sampleReport(), routeContext(config, abort.signal)), timeoutS * 1000 + 20_000, abort, 'the mail route');
    const isHuge = i.acts.some(([, a]) => a.kind === 'huge');
    let o: Outcome;
    if (isHuge) {
      hugeReplies(); // made before measuring: the server's bytes are not the client's memory
      const m = await peakGrowth(send);
      hugeFigures.smtpPeakMB = Math.max(hugeFigures.smtpPeakMB, Math.round(m.grew / 1e5) / 10);
      check(m.grew < 8 * MB, `memory grew by ${(m.grew / MB).toFixed(1)} MB during a huge reply`);
      o = m.result;
    } else o = await send();
    return verdict(o, seen, server.port);
  },
  async close() {
    codes.print('smtp-reply', hugeFigures.smtpPeakMB);
    await server?.close();
    server = undefined;
  },
};

function verdict(o: Outcome, seen: Seen, port: number): Verdict {
  check(seen.messages.length <= 1, `the server received ${seen.messages.length} messages in one attempt`);
  const dot = seen.replies.get('dot');
  const accepted = dot !== undefined && dot.length < 64 * 1024 && WELL_FORMED_2XX.test(dot.toString('latin1'));
  if (o.ok) {
    check(seen.messages.length === 1, `reported sent (${o.detail}) but the server received no message`);
    return { roundTrip: true };
  }
  const p: Problem = o.problem;
  codes.add(p.code);
  check(/^ER_22(0[0-24-79])$/.test(p.code), `refused with ${p.code}: ${p.message.en.slice(0, 400)}`);
  check(p.message.en.includes(`127.0.0.1:${port}`), `${p.code} does not name the server: ${p.message.en}`);
  if (p.code === 'ER_2201' || p.code === 'ER_2209') check(PHASE_NAMED.test(p.message.en), `${p.code} does not name the step: ${p.message.en}`);
  for (const s of SECRETS) check(!p.message.en.includes(s) && !p.message.ja.includes(s), `${p.code} carries the password: ${p.message.en}`);
  // A timeout shorter than a stall of a loaded machine can miss a 250 already sent: SMTP's own ambiguity (RFC 1047).
  if (accepted) check(p.code === 'ER_2201', `the server accepted the message (${shown(dot)}) but the route failed: ${p.message.en}`);
  return { refused: [p], whole: true };
}
