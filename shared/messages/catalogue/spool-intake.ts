/**
 * Messages of the spool's intake, group commit and index (issue 16). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_8340-8379.
 */
import { type MessageDef } from '../message-def.js';

export const spoolIntakeMessages = {} satisfies Record<string, MessageDef>;
