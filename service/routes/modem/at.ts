/**
 * Hayes AT commands: send one command, read lines until the modem's final result code (verbose form, V1). An echo of
 * the command (E1, the state after ATZ) and unsolicited lines such as RING are skipped; everything else the modem said
 * is kept, so a message can quote it.
 */
import { lineStep } from '../frame/step.js';
import { type SerialLine, type Waited } from './serial-line.js';

export type ResultCode = 'OK' | 'CONNECT' | 'ERROR' | 'BUSY' | 'NO CARRIER' | 'NO DIALTONE' | 'NO ANSWER' | 'DELAYED';

export interface Reply {
  code: ResultCode;
  /** The final line as the modem wrote it, e.g. `CONNECT 9600/ARQ`. */
  line: string;
  /** Every line the modem said, the final one included (no echo), for messages. */
  said: string[];
}

const FINAL: ReadonlyArray<[RegExp, ResultCode]> = [
  [/^OK$/, 'OK'],
  [/^CONNECT\b/, 'CONNECT'],
  [/^ERROR$/, 'ERROR'],
  [/^BUSY$/, 'BUSY'],
  [/^NO CARRIER$/, 'NO CARRIER'],
  [/^NO DIAL ?TONE$/, 'NO DIALTONE'],
  [/^NO ANSWER$/, 'NO ANSWER'],
  [/^(DELAYED|BLACKLISTED)\b/, 'DELAYED'],
];
const UNSOLICITED = /^RING$/;

export const codeOf = (line: string): ResultCode | undefined => FINAL.find(([re]) => re.test(line))?.[1];

/** What the modem said so far, in one line for a message (or a note that it said nothing). */
export const quote = (said: readonly string[], seen?: Buffer): string => {
  const rest = seen
    ? seen
        .toString('latin1')
        .split(/[\r\n]+/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  const all = [...said, ...rest];
  return all.length > 0 ? all.join(' / ') : '(no reply)';
};

/**
 * Sends `command` + CR and waits up to `ms` for a final result code. A miss keeps the lines that did come in.
 */
export async function at(line: SerialLine, command: string, ms: number, signal: AbortSignal): Promise<Waited<Reply> & { said: string[] }> {
  line.discard();
  const said: string[] = [];
  const sent = await line.write(`${command}\r`, signal);
  if (!sent.ok) return { ok: false, why: signal.aborted ? 'aborted' : 'closed', seen: Buffer.from(sent.reason), said };
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await line.until(lineStep, Math.max(0, deadline - Date.now()), signal);
    if (!got.ok) return { ...got, said };
    const text = got.value;
    if (text === command || text === '' || UNSOLICITED.test(text)) continue;
    said.push(text);
    const code = codeOf(text);
    if (code) return { ok: true, value: { code, line: text, said }, said };
  }
}
