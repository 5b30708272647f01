import { defineConfig } from 'vitest/config';

// Four projects, one command (`npm test` builds the site first; `npm run test:quick` runs the
// first two against the dist/ last built):
// unit  — helpers, plugins, the schema and loaders with bad input, no build needed;
// build — assertions on the real dist/ parsed as HTML, and search quality in Node;
// fail-safe — real builds of broken copies of the project (one per build stage), reproducibility;
// e2e   — real Chromium against dist/ served with its _headers, for what needs a browser.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'fail-safe',
          include: ['tests/fail-safe/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
