import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    pool: 'forks',
    // Two files at once: most integration files wait on their own processes (service, browser, peers), so a second
    // worker overlaps that waiting; the suite passed this way on a machine loaded far beyond two workers.
    maxWorkers: 2,
    // The package test installs the real unit meanwhile; every other file (and what it starts) looks at no unit path,
    // so a portable serve or window does not take that unit for an installed, stopped system service.
    env: { EXPRESS_REPORT_SYSTEM_UNIT_PATHS: '' },
    globalSetup: ['test/global-setup.ts'],
    // The JSON report lets .ci/run print one plain `N passed, N failed` line for CI.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
