/** Messages of the collect part (merged into the one catalogue in ../catalogue.ts; codes are stable, never reused). */
import { type MessageDef } from '../message-def.js';

export const collectMessages = {
} as const satisfies Record<string, MessageDef>;
