/**
 * Messages of injected faults: disk full, read-only state, clock jumps, network faults (issue 17). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_9100-9199.
 */
import { type MessageDef } from '../message-def.js';

export const faultsMessages = {} satisfies Record<string, MessageDef>;
