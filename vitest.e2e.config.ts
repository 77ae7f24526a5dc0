import { defineConfig } from 'vitest/config';

// End-to-end specs drive a real Arbor (embedded PostgreSQL) and Chromium: one file at a time,
// with timeouts long enough for a cold database start and a wait for the next TOTP step.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
