/**
 * Messages of the service's memory and what it loads (issue 16). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_8320-8339.
 */
import { type MessageDef } from '../message-def.js';

export const serviceMemoryMessages = {} satisfies Record<string, MessageDef>;
