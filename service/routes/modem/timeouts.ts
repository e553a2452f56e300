/**
 * The modem dialogue's limits (docs/modem.md), apart from the code that opens the port: the route registry reads the
 * budget without loading serialport.
 */
import { type Config } from '../../../shared/config/model.js';

export interface ModemTimeouts {
  /** Each initialisation command and ATH: the modem answers at once or not at all. */
  commandMs: number;
  /** From the dial command to CONNECT (or BUSY, NO CARRIER...): dialling, ringing and the modems' training. */
  connectMs: number;
  /** From the last byte of the frame leaving to the center's ACK (the center stores the report first). */
  ackMs: number;
  /** Silence before and after `+++` so the modem takes it as an escape, not data. */
  guardMs: number;
}

export const DEFAULT_TIMEOUTS: ModemTimeouts = { commandMs: 5_000, connectMs: 60_000, ackMs: 60_000, guardMs: 1_000 };

/** The most reports one bulk call carries (一括通報, docs/relay.md): each waits for its ACK, so a call stays minutes at most. */
export const BULK_MAX = 10;

/** Reset; then echo off, verbose result codes, results on, and X4 so BUSY and NO DIALTONE are reported. */
export const INIT_COMMANDS: readonly string[] = ['ATZ', 'ATE0V1Q0X4'];

/** How long one dial-up attempt may take at most: both numbers, each call's phases, and the pause between them. */
export function dialupBudgetMs(c: Config): number {
  const t = DEFAULT_TIMEOUTS;
  const oneCall = INIT_COMMANDS.length * t.commandMs + t.connectMs + t.ackMs + 2 * t.guardMs + 3 * t.commandMs + 30_000;
  return 2 * oneCall + c.settings['dialup.intervalSeconds'] * 1000;
}
