import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, STORE_PACKAGES } from './paths';
import { openPackage, unpack } from './store-package';
import { webExtLint } from './web-ext-lint';

describe("Mozilla's add-on linter (web-ext lint, offline)", () => {
  it.each([
    ['the e2e Firefox build', async () => FIREFOX_BUILD],
    [
      'the Firefox package for addons.mozilla.org (npm run zip)',
      async () => {
        const dir = join(STORE_PACKAGES, 'firefox-unpacked');
        await unpack(await openPackage('firefox'), dir);
        return dir;
      },
    ],
  ])(
    'finds no errors in %s, and no warning but the innerHTML path inside Preact',
    async (_, source) => {
      const report = webExtLint(await source());
      expect(report.errors).toEqual([]);
      // Preact's renderer can set innerHTML for dangerouslySetInnerHTML, which this extension never uses.
      expect(report.warnings.map((w) => w.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
      expect(report.warnings[0].file).toMatch(/^chunks\//);
    },
    120_000,
  );
});
