/**
 * The POP server's replies as POP before SMTP reads them (service/routes/mail/pop.ts popBeforeSmtp, over node-pop3):
 * a scripted server on 127.0.0.1 gives its usual replies (+OK) except at a few steps (greeting, USER, PASS, QUIT),
 * where it sends fuzzed bytes (test/fixtures/fuzz-corpus/pop3-replies.jsonl, the usual reply mutated, quirks), whole
 * or in pieces, closes the connection, stays silent or sends a 10 MB line.
 */
import fc from 'fast-check';
import { popBeforeSmtp } from '../../../service/routes/mail/pop.js';
import { type Failed } from '../../../service/routes/mail/smtp-errors.js';
import { startScriptedServer, type ScriptedServer, type Seen } from '../../helpers/peers/scripted-mail-server.js';
import { check, type FuzzTarget, type Verdict } from '../harness.js';
import { actOf, actSpec, CodeCounts, hugeFigures, hugeReplies, noHang, PHASE_NAMED, peakGrowth, replies, shown, type ActSpec } from './smtp-reply.js';

const STEPS = ['greeting', 'user', 'pass', 'quit', 'other'] as const;
type Step = (typeof STEPS)[number];
const USUAL: Record<Step, string> = {
  greeting: '+OK Dovecot (Debian) ready.\r\n',
  user: '+OK\r\n',
  pass: '+OK Logged in.\r\n',
  quit: '+OK Logging out.\r\n',
  other: '-ERR Unknown command.\r\n',
};
const USER = 'popuser';
const PASSWORD = 'Pop fuzz/word 2';

interface PopInput {
  acts: Array<[Step, ActSpec]>;
}

const popCorpus = replies('pop3-replies.jsonl');
const input: fc.Arbitrary<PopInput> = fc.record({ acts: fc.array(fc.tuple(fc.constantFrom(...STEPS), actSpec(popCorpus.length)), { maxLength: 3 }) });

let server: ScriptedServer | undefined;
const codes = new CodeCounts();
const MB = 1024 * 1024;
const SHORT_S = 0.15;

export const pop3ReplyTarget: FuzzTarget<PopInput> = {
  name: 'pop3-reply',
  properties: [
    'popBeforeSmtp returns (nothing thrown) and never outlasts its timeout (a guard of the timeout + 20 s fails the property)',
    'a failure is ER_2200, 2201, 2203, 2209 or 2212 naming the server and the step, never the password; a connection closed by the server is never told as a timeout',
    'logged in means the server answered PASS with a reply starting +; a -ERR to PASS sent whole after usual replies is ER_2203',
    'the live JS heap grows by less than 8 MB while a 10 MB reply line arrives',
  ],
  arbitrary: input,
  async run(i) {
    server ??= await startScriptedServer();
    const acts = new Map<string, ActSpec>(i.acts);
    const seen = server.play({
      protocol: 'pop3',
      usual: (step) => USUAL[step as Step] ?? USUAL.other,
      at: (step) => {
        const a = acts.get(step);
        return a === undefined ? undefined : actOf(a, USUAL[step as Step] ?? USUAL.other, popCorpus);
      },
    });
    const timeoutS = i.acts.length === 0 ? 5 : SHORT_S;
    const abort = new AbortController();
    const target = { host: '127.0.0.1', port: server.port, user: USER, password: PASSWORD, timeoutMs: timeoutS * 1000 };
    const login = (): Promise<Failed | undefined> => noHang(popBeforeSmtp(target, abort.signal), timeoutS * 1000 + 20_000, abort, 'POP before SMTP');
    let r: Failed | undefined;
    if (i.acts.some(([, a]) => a.kind === 'huge')) {
      hugeReplies();
      const m = await peakGrowth(login);
      hugeFigures.pop3PeakMB = Math.max(hugeFigures.pop3PeakMB, Math.round(m.grew / 1e5) / 10);
      check(m.grew < 8 * MB, `memory grew by ${(m.grew / MB).toFixed(1)} MB during a huge reply`);
      r = m.result;
    } else r = await login();
    return verdict(i, r, seen, server.port);
  },
  async close() {
    codes.print('pop3-reply', hugeFigures.pop3PeakMB);
    await server?.close();
    server = undefined;
  },
};

function verdict(i: PopInput, r: Failed | undefined, seen: Seen, port: number): Verdict {
  const pass = seen.replies.get('pass');
  if (r === undefined) {
    // node-pop3 reads a reply by its first byte ('+'): lenient, and harmless here, since the SMTP server judges the login.
    check(pass !== undefined && pass[0] === 0x2b, `logged in, but the server answered PASS with ${pass ? shown(pass) : 'nothing'}`);
    return { roundTrip: true };
  }
  const p = r.problem;
  codes.add(p.code);
  check(/^ER_22(0[0139]|12)$/.test(p.code), `refused with ${p.code}: ${p.message.en.slice(0, 400)}`);
  check(p.message.en.includes(`127.0.0.1:${port}`), `${p.code} does not name the server: ${p.message.en.slice(0, 400)}`);
  if (p.code === 'ER_2201' || p.code === 'ER_2209') check(PHASE_NAMED.test(p.message.en), `${p.code} does not name the step: ${p.message.en.slice(0, 400)}`);
  check(!p.message.en.includes(PASSWORD) && !p.message.ja.includes(PASSWORD), `${p.code} carries the password`);
  // The first act the server does not answer usually: what the client must have met.
  const acts = new Map<string, ActSpec>(i.acts);
  const first = seen.steps.find((s) => acts.has(s));
  const act = first === undefined ? undefined : acts.get(first);
  if (act?.kind === 'close' && first !== 'quit')
    check(p.code !== 'ER_2201', `the server closed the connection at ${first}, told as a timeout: ${p.message.en}`);
  if (first === 'pass' && act?.kind === 'corpus' && act.pieces === 1 && pass !== undefined && /^-ERR[ \r]/.test(pass.toString('latin1')))
    check(p.code === 'ER_2203', `a -ERR to PASS (${shown(pass)}) gave ${p.code}: ${p.message.en}`);
  return { refused: [p], whole: true };
}
