import { defineConfig } from 'vitest/config';

// The public site's browser tests: `npx vitest run --config e2e/site/vitest.config.ts`.
// Same settings as the staff app's e2e run (one file at a time, long timeouts for a cold start).
export default defineConfig({
  test: {
    include: ['e2e/site/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
