/**
 * Messages of connection limits, permissions and command-path checks (issue 17). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_9200-9299.
 */
import { type MessageDef } from '../message-def.js';

export const soakSecurityMessages = {} satisfies Record<string, MessageDef>;
