/**
 * Messages of the window's start-up (issue 16: one first request, loading after interactive). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_8300-8319.
 */
import { type MessageDef } from '../message-def.js';

export const windowLoadMessages = {} satisfies Record<string, MessageDef>;
