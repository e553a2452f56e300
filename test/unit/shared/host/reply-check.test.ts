/** The window's hand-written reply check (shared/host/reply-check.ts) answers as the zod schema the host keeps. */
import { describe, expect, it } from 'vitest';
import { checkReply, MAX_TEXT } from '../../../../shared/host/reply-check.js';
import { hostReplySchema } from '../../../../shared/host/reply-schema.js';
import { resultOf, HostCallError } from '../../../../shared/host/errors.js';

const message = { ja: 'ja', en: 'en' };
const good = { code: 'ER_1020', severity: 'error', message };
const replies: unknown[] = [
  undefined,
  null,
  'ER_1001 Cannot read',
  [],
  { ok: true },
  { ok: true, result: { deep: [1, 2] } },
  { ok: 'true', result: 1 },
  { ok: false },
  { ok: false, problems: [] },
  { ok: false, problems: Array.from({ length: 1001 }, () => good) },
  { ok: false, problems: Array.from({ length: 1000 }, () => good) },
  { ok: false, problems: [good] },
  { ok: false, problems: [{ ...good, extra: 'dropped', message: { ...message, de: 'dropped' } }] },
  { ok: false, problems: [{ ...good, code: 'ER_9999' }] },
  { ok: false, problems: [{ ...good, code: 'toString' }] },
  { ok: false, problems: [{ ...good, severity: 'info' }] },
  { ok: false, problems: [{ ...good, message: { ja: 'x' } }] },
  { ok: false, problems: [{ ...good, message: { ja: 'x'.repeat(MAX_TEXT + 1), en: '' } }] },
  { ok: false, problems: [{ ...good, field: 'a.b', file: '/etc/x', line: 3, plain: message, detail: 'why' }] },
  { ok: false, problems: [{ ...good, field: 'f'.repeat(513) }] },
  { ok: false, problems: [{ ...good, file: 'f'.repeat(4097) }] },
  { ok: false, problems: [{ ...good, line: -1 }] },
  { ok: false, problems: [{ ...good, line: 1.5 }] },
  { ok: false, problems: [{ ...good, plain: { ja: 1, en: '' } }] },
  { ok: false, problems: [{ ...good, detail: 5 }] },
  { ok: false, problems: [good, 'not a problem'] },
];

describe('checkReply', () => {
  it.each(replies.map((r, i) => [i, r]))('reply %i: the same verdict and the same data as hostReplySchema', (_i, raw) => {
    const mine = checkReply(raw);
    const zod = hostReplySchema.safeParse(raw);
    expect(mine.success).toBe(zod.success);
    if (mine.success && zod.success) expect(JSON.parse(JSON.stringify(mine.data))).toEqual(JSON.parse(JSON.stringify(zod.data)));
    if (!mine.success) expect(mine.error.issues[0]!.message).not.toBe('');
  });

  it('resultOf: a result passes, a refusal throws its Problems, anything else is ER_1101 naming where', () => {
    expect(resultOf('snapshot', { ok: true, result: 42 })).toBe(42);
    expect(() => resultOf('snapshot', { ok: false, problems: [good] })).toThrow(HostCallError);
    try {
      resultOf('snapshot', { ok: false, problems: [{ ...good, severity: 'info' }] });
    } catch (e) {
      expect((e as HostCallError).problems[0]).toMatchObject({ code: 'ER_1101' });
      expect((e as HostCallError).problems[0]!.message.en).toContain('problems.0.severity');
    }
    expect.assertions(4);
  });
});
