import { describe, expect, it } from 'vitest';
import { allows, parseAllowList } from '../../../../shared/settings/allow-list.js';

const list = (v: string) => {
  const r = parseAllowList(v);
  if (!r.ok) throw new Error(r.bad);
  return r.entries;
};

describe('relay.allow', () => {
  it('empty allows any address', () => {
    expect(allows(list(''), '203.0.113.9')).toBe(true);
  });

  it('matches addresses and CIDR blocks, IPv4 however the socket spells it', () => {
    const l = list('192.168.0.0/24, 10.1.2.3, 2001:db8::/32');
    expect(allows(l, '192.168.0.77')).toBe(true);
    expect(allows(l, '::ffff:192.168.0.77')).toBe(true);
    expect(allows(l, '192.168.1.1')).toBe(false);
    expect(allows(l, '10.1.2.3')).toBe(true);
    expect(allows(l, '10.1.2.4')).toBe(false);
    expect(allows(l, '2001:db8:1::5')).toBe(true);
    expect(allows(l, '2001:db9::5')).toBe(false);
    expect(allows(l, 'not an address')).toBe(false);
    expect(allows(list('0.0.0.0/0'), '::ffff:127.0.0.1')).toBe(true);
    expect(allows(list('0.0.0.0/0'), '::1')).toBe(false);
    expect(allows(list('::1'), '::1')).toBe(true);
    expect(allows(list('127.0.0.1'), '::1')).toBe(false);
  });

  it('names the first entry that is neither an address nor a CIDR block', () => {
    expect(parseAllowList('10.0.0.1, foo.example, 1.2.3.4')).toEqual({ ok: false, bad: 'foo.example' });
    expect(parseAllowList('10.0.0.0/33')).toEqual({ ok: false, bad: '10.0.0.0/33' });
    expect(parseAllowList('10.0.0.0/')).toEqual({ ok: false, bad: '10.0.0.0/' });
  });
});
