/**
 * Messages found needed by fuzzing the parsers (issue 17). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_9000-9099.
 */
import { type MessageDef } from '../message-def.js';

export const fuzzMessages = {} satisfies Record<string, MessageDef>;
