import { describe, expect, it } from 'vitest';
import { satisfiesEngines } from '../../../../scripts/dist-server/engines.js';

describe('the runtime the server package ships satisfies engines', () => {
  it('compares major, minor and patch as numbers', () => {
    expect(satisfiesEngines('v20.19.0', '>=20.19')).toBe(true);
    expect(satisfiesEngines('v20.20.2', '>=20.19')).toBe(true);
    expect(satisfiesEngines('v22.1.0', '>=20.19')).toBe(true);
    expect(satisfiesEngines('v20.18.3', '>=20.19')).toBe(false);
    expect(satisfiesEngines('v18.20.4', '>=20.19')).toBe(false); // Debian 12's nodejs
    expect(satisfiesEngines('v20.9.0', '>=20.19')).toBe(false); // 9 < 19, not '9' > '1'
  });

  it('refuses a range it does not understand instead of guessing', () => {
    expect(() => satisfiesEngines('v20.19.0', '^20.19 || >=22')).toThrow(/not understood/);
  });
});
