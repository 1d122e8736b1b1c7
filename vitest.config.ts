import { defineConfig } from 'vitest/config';

// One runner for the whole workspace; tests live beside the code they test.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
