import { defineConfig } from 'vitest/config';

/**
 * Two projects: fast unit tests beside the code they test, and end-to-end tests
 * that drive the built extension in a real browser (run one file at a time:
 * parallel browsers are slower than serial ones on a 2-core machine).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // No extension `i18n` API in Node: `t()` answers in English (src/shared/i18n.ts).
          setupFiles: ['tests/unit/i18n-setup.ts'],
        },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A shared 2-core CI machine can be slow: polled assertions wait up
          // to 10 s for the browser (the default is 1 s). Timings are never asserted.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
