import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql has no `exports` map: Node loads its CJS main for yoga and Pothos, while Vite would pick the ESM
    // `module` build for our files. Two copies of graphql cannot share a schema, so point Vite at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['server/**/*.test.ts', 'schema/**/*.test.ts', 'models/**/*.test.ts', 'widgets/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Real databases and real data sets: run files one at a time per core, never mocks.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
