/**
 * A HostReply's zod schema, for the host side (the service's answers embed Problems: ./service-api.ts). The window checks
 * replies with ./reply-check.ts instead, by the same rules without zod (issue 16: zod was most of its first chunk).
 */
import { z } from 'zod';
import { catalogue, type MessageCode } from '../messages/catalogue.js';
import { MAX_TEXT } from './reply-check.js';

const localized = z.object({ ja: z.string().max(MAX_TEXT), en: z.string().max(MAX_TEXT) });
const code = z.custom<MessageCode>((v) => typeof v === 'string' && Object.hasOwn(catalogue, v), 'not a message code of this version');

/** A Problem as it arrives from the host: checked, unknown keys dropped. */
export const problemSchema = z.object({
  code,
  severity: z.enum(['error', 'warning']),
  message: localized,
  field: z.string().max(512).optional(),
  file: z.string().max(4096).optional(),
  line: z.number().int().min(0).optional(),
  plain: localized.optional(),
  detail: z.string().max(MAX_TEXT).optional(),
});

export const hostReplySchema = z.discriminatedUnion('ok', [
  // optional: a result of undefined (serviceStatus when no service runs) has no `result` key once it is JSON.
  z.object({ ok: z.literal(true), result: z.unknown().optional() }),
  z.object({ ok: z.literal(false), problems: z.array(problemSchema).min(1).max(1000) }),
]);
