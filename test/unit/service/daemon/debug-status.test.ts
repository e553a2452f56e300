import { describe, expect, it } from 'vitest';
import { debugStatus, packageOf } from '../../../../service/daemon/debug-status.js';

describe('debug status (tests and benchmarks only)', () => {
  it('names the package of a script by its last node_modules folder, scoped or not', () => {
    expect(packageOf('file:///usr/lib/express-report/node_modules/zod/v4/core/core.js')).toBe('zod');
    expect(packageOf('file:///a/node_modules/@serialport/stream/dist/index.js')).toBe('@serialport/stream');
    expect(packageOf('file:///a/node_modules/agent-base/node_modules/debug/src/index.js')).toBe('debug');
    expect(packageOf('file:///usr/lib/express-report/out/service/chunks/chunk-ABC.mjs')).toBeUndefined();
    expect(packageOf('node:internal/fs/utils')).toBeUndefined();
  });

  it("lists the packages this process has loaded, from V8's own list of scripts", async () => {
    await import('yazl');
    const d = await debugStatus();
    expect(d.packages).toContain('yazl');
    expect(d.memory.rss).toBeGreaterThan(0);
  });
});
