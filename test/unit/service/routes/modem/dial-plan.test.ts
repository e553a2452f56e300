/** Which numbers the modem route dials and how (service/routes/modem/dial-plan.ts), and how it reads modem replies. */
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../../shared/settings/schema.js';
import { dialCommand, dialPlan } from '../../../../../service/routes/modem/dial-plan.js';
import { codeOf, quote } from '../../../../../service/routes/modem/at.js';
import { lineStep } from '../../../../../service/routes/frame/step.js';

const settings = (changes: Partial<Settings>): Settings => ({ ...defaultSettings(), 'express.route': 'dialup', ...changes });

describe('dial plan', () => {
  it('tone or pulse, with 0, in front on a zero-dial line (not twice)', () => {
    expect(dialCommand('123-456-7890', { 'dialup.mode': 'tone', 'dialup.zeroDial': false })).toBe('ATDT123-456-7890');
    expect(dialCommand('123-456-7890', { 'dialup.mode': 'pulse', 'dialup.zeroDial': true })).toBe('ATDP0,123-456-7890');
    expect(dialCommand('0,123', { 'dialup.mode': 'tone', 'dialup.zeroDial': true })).toBe('ATDT0,123');
  });

  it('primary then secondary; only the primary when there is no secondary; only the target for a test', () => {
    const both = settings({ 'dialup.primary.number': '111', 'dialup.secondary.number': '222' });
    const plan = (s: Settings, t?: 'primary' | 'secondary') => {
      const p = dialPlan(s, t);
      if (!p.ok) throw new Error(p.problem.message.en);
      return p.value.map((d) => [d.which, d.command]);
    };
    expect(plan(both)).toEqual([
      ['primary', 'ATDT111'],
      ['secondary', 'ATDT222'],
    ]);
    expect(plan(both, 'secondary')).toEqual([['secondary', 'ATDT222']]);
    expect(plan(settings({ 'dialup.primary.number': '111' }))).toEqual([['primary', 'ATDT111']]);
  });

  it('a missing number is a coded problem naming its setting', () => {
    const p = dialPlan(settings({ 'dialup.primary.number': '111' }), 'secondary');
    expect(p.ok).toBe(false);
    if (!p.ok) expect([p.problem.code, p.problem.field]).toEqual(['ER_2274', 'dialup.secondary.number']);
  });
});

describe('modem replies', () => {
  it('cuts lines at CR or LF and skips empty ones', () => {
    expect(lineStep(Buffer.from('\r\nCONNECT 9600\r\n'))).toEqual({ value: 'CONNECT 9600', used: 16 });
    expect(lineStep(Buffer.from('OK\r'))).toEqual({ value: 'OK', used: 3 });
    expect(lineStep(Buffer.from('\r\nBUS'))).toBeUndefined();
  });

  it('knows the final result codes', () => {
    expect(['OK', 'CONNECT 33600/ARQ', 'NO DIAL TONE', 'NO DIALTONE', 'BUSY', 'RING'].map(codeOf)).toEqual([
      'OK',
      'CONNECT',
      'NO DIALTONE',
      'NO DIALTONE',
      'BUSY',
      undefined,
    ]);
    expect(quote([], Buffer.from('\r\nNO CAR'))).toBe('NO CAR');
    expect(quote([])).toBe('(no reply)');
  });
});
