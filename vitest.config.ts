import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not apply the vite plugins from wxt.config.ts.
  plugins: [WxtVitest(), preact()],
  test: {
    testTimeout: 30_000,
    // A test left with .only would silently skip the rest.
    allowOnly: false,
    // Every core: vitest's default leaves one free, which on a 2-core machine runs the unit files one at a time
    // (35 s instead of 25). The e2e project runs its files one at a time anyway.
    maxWorkers: availableParallelism(),
    projects: [
      {
        // Pure logic, components and command-line tools: no build, no browser, files in parallel.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/{core,content,worker,storage,components,cli}/**/*.test.{ts,tsx}'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real browsers against the built extension, after the unit tests.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One file at a time: the browser tests measure how responsive a page stays, and two cores shared
          // by several browsers would measure each other instead.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
