import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'schema/**/*.test.ts', 'models/**/*.test.ts', 'widgets/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Real databases and real data sets: run files one at a time per core, never mocks.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
