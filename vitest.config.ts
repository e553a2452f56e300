import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // The JSON report lets .ci/run print one plain `N passed, N failed` line for CI.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
