/**
 * Messages of the fast definition-file readers (issue 16). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_8380-8399.
 */
import { type MessageDef } from '../message-def.js';

export const infSpeedMessages = {} satisfies Record<string, MessageDef>;
