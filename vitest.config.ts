import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not apply the vite plugins from wxt.config.ts.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 30_000,
    // One file at a time: the browser tests measure how responsive a page stays, and two cores shared by
    // several browsers would measure each other instead.
    fileParallelism: false,
  },
});
