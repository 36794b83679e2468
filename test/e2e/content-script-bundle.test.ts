// The content script runs on every page: what the build ships for it must stay small and must not
// contain what DESIGN.md keeps out of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from './paths';

describe.each([CHROME_BUILD, FIREFOX_BUILD])('content script in %s', (build) => {
  const code = readFileSync(join(build, 'page-scan.js'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));

  it('is the only content script, on every http(s) page and frame', () => {
    expect(manifest.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['page-scan.js'], all_frames: true, run_at: 'document_idle' },
    ]);
  });

  it('carries no zod, no UI library, no registry and no polyfill', () => {
    expect(code).not.toMatch(/ZodError|_zod|zod\//);
    expect(code).not.toMatch(/preact|__PREACT|createElement\(/);
    expect(code).not.toContain('maichetong');
    expect(code).not.toContain('webextension-polyfill');
  });

  it('never forces layout and never talks to the page', () => {
    expect(code).not.toMatch(/innerText|getComputedStyle|getBoundingClientRect|offsetHeight|postMessage|addEventListener\(["'`]message/);
  });

  it('stays under 4 KB gzipped', () => {
    expect(gzipSync(code).length).toBeLessThan(4096);
  });
});
