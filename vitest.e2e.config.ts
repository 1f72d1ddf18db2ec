import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests (npm run test:e2e): the production build in headless Debian Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: the responsiveness check measures frame gaps, other tabs would skew them.
    fileParallelism: false,
    pool: 'forks',
  },
});
