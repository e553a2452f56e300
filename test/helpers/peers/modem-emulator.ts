/**
 * A Hayes modem with a center behind it, on a real pseudo-terminal pair: `socat` joins two ptys, the route opens one
 * end (`modemPath`) with serialport, this emulator the other. It answers AT commands (echo until ATE0, verbose result
 * codes), answers a dial as the test says (CONNECT, BUSY, NO CARRIER, NO DIALTONE, NO ANSWER, ERROR or silence), and
 * once connected reads report frames like a center: it opens a sealed one with the test's key, answers ACK, NAK, a
 * dropped line or nothing, and records everything (commands, dial strings, frames).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { encodeFrame, FrameDecoder, openSealedContent, type Frame } from '../../../service/routes/frame/codec.js';

export type DialAnswer = 'CONNECT 9600' | 'BUSY' | 'NO CARRIER' | 'NO DIALTONE' | 'NO ANSWER' | 'ERROR' | 'silence';
export type CenterAnswer = 'ack' | { nak: string; permanent?: boolean } | 'silence' | 'hangup' | { ackId: string };

export interface Behaviour {
  /** How the call to a number goes (the number as dialled, after ATDT/ATDP). */
  dial: (number: string) => DialAnswer;
  center: (f: ReceivedFrame) => CenterAnswer;
  /** Opens a sealed frame's envelope (the center's private key); without it sealed frames are recorded unopened. */
  open?: (envelope: Buffer) => Buffer;
  /** A modem that is switched off: says nothing at all. */
  mute: boolean;
  /** Commands (other than ATD) that get ERROR. */
  errorOn: (command: string) => boolean;
}

export interface ReceivedFrame {
  frame: Frame;
  id: string;
  sealed: boolean;
  /** The report's JSON header, and the payload, when the frame was in clear or could be opened. */
  report?: Record<string, unknown>;
  payload?: Buffer;
}

export interface ModemEmulator {
  /** The end the route opens (dialup.serial.port). */
  modemPath: string;
  commands: string[];
  /** Every dial command as received, e.g. `ATDP0,123-456-7890`. */
  dials: string[];
  frames: ReceivedFrame[];
  /** ATH commands received. */
  hangups: number;
  /** Frame decoding errors (codes), e.g. ER_2252. */
  errors: string[];
  behaviour: Behaviour;
  /** Back to command mode, forgetting any partial frame (between tests). */
  reset(): void;
  stop(): Promise<void>;
}

/** How a modem answers unless a test says otherwise: connected, every frame ACKed. */
export const DEFAULT_BEHAVIOUR: Behaviour = { dial: () => 'CONNECT 9600', center: () => 'ack', mute: false, errorOn: () => false };

function startSocat(dir: string): Promise<ChildProcess> {
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${join(dir, 'modem')}`, `pty,raw,echo=0,link=${join(dir, 'line')}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    const onData = (d: Buffer) => {
      err += d.toString();
      if (err.includes('starting data transfer loop')) {
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stderr!.on('data', onData);
    child.once('error', (e) => reject(new Error(`socat could not start (apt-get install socat): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`socat exited with ${code}: ${err}`)));
  });
}

/** Starts socat in `dir` (a fresh temp folder) and the emulator on its `line` end. */
export async function startModemEmulator(dir: string, behaviour: Partial<Behaviour> = {}): Promise<ModemEmulator> {
  const socat = await startSocat(dir);
  const port = new SerialPort({ path: join(dir, 'line'), baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  port.on('error', () => undefined);

  let mode: 'command' | 'dialling' | 'data' = 'command';
  let echo = true;
  let typed = '';
  let pluses = 0;
  let decoder = new FrameDecoder();
  const say = (line: string) => port.write(`\r\n${line}\r\n`);

  const emu: ModemEmulator = {
    modemPath: join(dir, 'modem'),
    commands: [],
    dials: [],
    frames: [],
    hangups: 0,
    errors: [],
    behaviour: { ...DEFAULT_BEHAVIOUR, ...behaviour },
    reset() {
      mode = 'command';
      typed = '';
      pluses = 0;
      decoder = new FrameDecoder();
    },
    async stop() {
      await new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
      if (socat.exitCode === null) {
        const exited = new Promise((r) => socat.once('exit', r));
        socat.kill('SIGTERM');
        await exited;
      }
    },
  };

  function command(cmd: string): void {
    emu.commands.push(cmd);
    if (echo) port.write(`${cmd}\r`);
    const upper = cmd.toUpperCase();
    if (!upper.startsWith('AT')) return;
    const dial = /^ATD([TP]?)(.*)$/.exec(upper);
    if (dial) {
      emu.dials.push(cmd);
      const answer = emu.behaviour.dial(dial[2]!.replace(/^0,/, ''));
      mode = 'dialling';
      if (answer === 'silence') return;
      setTimeout(() => {
        if (mode !== 'dialling') return;
        mode = answer.startsWith('CONNECT') ? 'data' : 'command';
        decoder = new FrameDecoder();
        say(answer);
      }, 20);
      return;
    }
    if (upper === 'ATZ') echo = true;
    if (/^AT.*E0/.test(upper)) echo = false;
    if (upper === 'ATH' || upper === 'ATH0') emu.hangups++;
    say(emu.behaviour.errorOn(upper) ? 'ERROR' : 'OK');
  }

  function commandBytes(b: Buffer): void {
    for (const ch of b.toString('latin1')) {
      if (ch === '\r') {
        const cmd = typed.trim();
        typed = '';
        if (cmd) command(cmd);
      } else if (ch !== '\n') typed += ch;
    }
  }

  function frameIn(f: Frame): void {
    const r: ReceivedFrame = { frame: f, id: f.id, sealed: f.type === 'sealed' };
    const content =
      f.type === 'report'
        ? { header: f.header, payload: f.payload }
        : f.type === 'sealed' && emu.behaviour.open
          ? openSealedContent(emu.behaviour.open(f.envelope))
          : undefined;
    if (content) {
      r.report = JSON.parse(content.header.toString('utf8')) as Record<string, unknown>;
      r.payload = content.payload;
    }
    emu.frames.push(r);
    const a = emu.behaviour.center(r);
    if (a === 'silence') return;
    if (a === 'hangup') {
      mode = 'command';
      say('NO CARRIER');
    } else if (a === 'ack') port.write(encodeFrame({ type: 'ack', id: f.id }));
    else if ('ackId' in a) port.write(encodeFrame({ type: 'ack', id: a.ackId }));
    else port.write(encodeFrame({ type: 'nak', id: f.id, reason: a.nak, permanent: a.permanent ?? false }));
  }

  function dataBytes(chunk: Buffer): void {
    let b = chunk;
    while (b.length > 0) {
      // `+++` only counts between frames (a frame never starts with `+`): back to command mode.
      if (decoder.idle && b[0] === 0x2b) {
        pluses++;
        b = b.subarray(1);
        if (pluses === 3) {
          pluses = 0;
          mode = 'command';
          say('OK');
          commandBytes(b);
          return;
        }
        continue;
      }
      pluses = 0;
      decoder.feed(b);
      b = Buffer.alloc(0);
      try {
        const f = decoder.next();
        if (f) {
          b = decoder.rest();
          frameIn(f);
        }
      } catch (e) {
        emu.errors.push((e as { code?: string }).code ?? String(e));
        decoder.rest();
        port.write(encodeFrame({ type: 'nak', id: 'unknown', reason: String(e), permanent: false }));
      }
    }
  }

  port.on('data', (chunk: Buffer) => {
    if (emu.behaviour.mute) return;
    if (mode === 'data') return dataBytes(chunk);
    if (mode === 'dialling') {
      // Any character aborts a dial in progress.
      mode = 'command';
      say('NO CARRIER');
      return;
    }
    commandBytes(chunk);
  });
  return emu;
}
