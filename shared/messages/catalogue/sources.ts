/** Messages of the sources part (merged into the one catalogue in ../catalogue.ts; codes are stable, never reused). */
import { type MessageDef } from '../message-def.js';

export const sourcesMessages = {
} as const satisfies Record<string, MessageDef>;
