/**
 * A Hayes modem emulator for the tests of one file: started in a fresh folder before them, back in command mode with
 * the default behaviour (connect, ACK) before each, stopped and its folder removed after them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { readThrough } from './read-through.js';
import { DEFAULT_BEHAVIOUR, startModemEmulator, type ModemEmulator } from './peers/modem-emulator.js';

export interface ModemPerFile {
  /** The running emulator, read through (its fields can be set: `emu.behaviour = ...`). */
  emu: ModemEmulator;
  /** Its folder (the pseudo-terminals' links), for the test's own files. */
  dir(): string;
}

export function modemPerFile(prefix: string): ModemPerFile {
  let dir: string | undefined;
  let emu: ModemEmulator | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    emu = await startModemEmulator(dir);
  });
  afterAll(async () => {
    await emu?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    emu!.reset();
    emu!.behaviour = { ...DEFAULT_BEHAVIOUR };
  });
  return {
    emu: readThrough(() => emu, 'modem emulator'),
    dir: () => {
      if (!dir) throw new Error("no modem emulator: it starts in the file's beforeAll");
      return dir;
    },
  };
}
