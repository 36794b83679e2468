// The packages `npm run zip` makes, checked for what the stores require before a reviewer sees them: the
// Chrome Web Store's manifest fields, icons and "no remote code" rule; addons.mozilla.org's rebuild from the
// sources zip (its linter runs in firefox-lint.test.ts).
import type JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, STORE_PACKAGES } from './paths';
import { openPackage, packagingEnv, pngSize, remoteCodeIn, unpack } from './store-package';

const ICON_SIZES = ['16', '32', '48', '128'];

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  version: string;
  default_locale: string;
  icons: Record<string, string>;
  action?: { default_icon: Record<string, string>; default_popup: string };
  browser_action?: { default_icon: Record<string, string>; default_popup: string };
  background: { service_worker?: string; scripts?: string[] };
  content_scripts: { js: string[] }[];
  options_ui?: { page: string };
  content_security_policy?: unknown;
}

const text = (zip: JSZip, path: string): Promise<string> => {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} is not in the package`);
  return file.async('string');
};

/** A `__MSG_name__` manifest string in the given locale of the package. */
async function localised(zip: JSZip, locale: string, value: string): Promise<string> {
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return value;
  const messages = JSON.parse(await text(zip, `_locales/${locale}/messages.json`)) as Record<string, { message: string }>;
  return messages[key].message;
}

describe('the Chrome and Edge package (Chrome Web Store, Edge Add-ons)', () => {
  let zip: JSZip;
  let manifest: Manifest;
  beforeAll(async () => {
    zip = await openPackage('chrome');
    manifest = JSON.parse(await text(zip, 'manifest.json')) as Manifest;
  });

  it('has a Manifest V3 manifest with a version, and a name and description within the store limits in every language', async () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toMatch(/^\d+(\.\d+){0,3}$/);
    const locales = [
      ...new Set(
        Object.keys(zip.files)
          .map((f) => /^_locales\/([^/]+)\/messages\.json$/.exec(f)?.[1])
          .filter(Boolean),
      ),
    ];
    expect(locales).toContain(manifest.default_locale);
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
    for (const locale of locales as string[]) {
      const name = await localised(zip, locale, manifest.name);
      const description = await localised(zip, locale, manifest.description);
      expect(name.length, `name in ${locale}`).toBeGreaterThan(0);
      expect(name.length, `name in ${locale}`).toBeLessThanOrEqual(75);
      expect(description.length, `description in ${locale}`).toBeGreaterThan(0);
      expect(description.length, `description in ${locale}`).toBeLessThanOrEqual(132);
    }
  });

  it("is described in docs/store with the manifest's name and description, in each language", async () => {
    for (const locale of ['en', 'zh_CN']) {
      const listing = readFileSync(join(ROOT, `docs/store/listing.${locale}.md`), 'utf8');
      // The name is the first section's text; the short description is the one quoted line.
      expect(/^## .+\n\n(.+)\n/m.exec(listing)?.[1], `name in listing.${locale}.md`).toBe(await localised(zip, locale, manifest.name));
      expect(listing.match(/^> (.+)$/gm), `short description in listing.${locale}.md`).toEqual([
        `> ${await localised(zip, locale, manifest.description)}`,
      ]);
    }
  });

  it('declares icons of 16, 32, 48 and 128 px for the extension and its toolbar button, each in the zip at its size', async () => {
    for (const icons of [manifest.icons, manifest.action?.default_icon]) {
      expect(Object.keys(icons ?? {}).sort()).toEqual([...ICON_SIZES].sort());
      for (const size of ICON_SIZES) {
        const png = zip.file(icons![size]);
        expect(png, `${icons![size]} in the zip`).not.toBeNull();
        expect(pngSize(await png!.async('nodebuffer'))).toEqual({ width: Number(size), height: Number(size) });
      }
    }
  });

  it('holds every file its manifest names', () => {
    const named = [
      manifest.background.service_worker,
      ...manifest.content_scripts.flatMap((c) => c.js),
      manifest.action?.default_popup,
      manifest.options_ui?.page,
    ];
    expect(named.every(Boolean)).toBe(true);
    for (const path of named) expect(zip.file(path!), path).not.toBeNull();
  });

  it('runs no remote code: no script from the network, no eval or new Function, and the default content security policy', async () => {
    // The detector itself, on what it must catch, so that a pattern that matches nothing cannot pass.
    expect(remoteCodeIn('<script src="https://cdn.example.com/x.js"></script>')).toContain('a script element loading from the network');
    expect(remoteCodeIn('await import("https://cdn.example.com/m.js")')).toContain('an import from the network');
    expect(remoteCodeIn('s.src=`https://cdn.example.com/x.js?v=1`')).toContain('a script address on the network');
    expect(remoteCodeIn('window.eval (code)')).toEqual([]);
    expect(remoteCodeIn('x=eval(code)')).toEqual(['eval']);
    expect(remoteCodeIn('new Function("a", b)')).toEqual(['new Function']);

    const code = Object.keys(zip.files).filter((f) => /\.(m?js|html)$/.test(f));
    expect(code.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const path of code) for (const what of remoteCodeIn(await text(zip, path))) found.push(`${path}: ${what}`);
    expect(found).toEqual([]);
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('is a production build: no path of the machine that built it', async () => {
    const found: string[] = [];
    for (const path of Object.keys(zip.files).filter((f) => /\.(m?js|html|json)$/.test(f))) {
      if ((await text(zip, path)).includes(ROOT.replace(/\/$/, ''))) found.push(path);
    }
    expect(found).toEqual([]);
  });
});

describe('the Firefox package and its sources (addons.mozilla.org)', () => {
  it('declares the toolbar button (browser_action) with the same icons as the extension', async () => {
    const zip = await openPackage('firefox');
    const manifest = JSON.parse(await text(zip, 'manifest.json')) as Manifest;
    expect(manifest.manifest_version).toBe(2);
    expect(Object.keys(manifest.icons).sort()).toEqual([...ICON_SIZES].sort());
    expect(manifest.browser_action?.default_icon).toEqual(manifest.icons);
    for (const size of ICON_SIZES) expect(pngSize(await zip.file(manifest.icons[size])!.async('nodebuffer')).width).toBe(Number(size));
  });

  it('rebuilds from the sources zip, as a reviewer would, into the same files byte for byte', async () => {
    const sources = await openPackage('sources');
    const names = Object.keys(sources.files);
    // The sources are the project, not its tests, outputs or installed packages.
    for (const path of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'data/registry.json', 'assets/icon/icon.svg']) {
      expect(names, path).toContain(path);
    }
    expect(names.filter((n) => /^(node_modules|test|test-artifacts|bench|\.output|\.wxt)\//.test(n))).toEqual([]);

    const dir = join(STORE_PACKAGES, 'sources-rebuilt');
    await unpack(sources, dir);
    // The reviewer runs `npm ci`; the project's own installed packages are the same ones, without the download.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', '-b', 'firefox'], {
      cwd: dir,
      env: packagingEnv(),
      stdio: 'pipe',
    });

    const built = join(dir, '.output/firefox-mv2');
    const listed = (root: string): string[] =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name)))
        .sort();
    const firefox = await openPackage('firefox');
    const packaged = Object.values(firefox.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(listed(built)).toEqual(packaged);
    for (const path of packaged) {
      expect(readFileSync(join(built, path)).equals(await firefox.file(path)!.async('nodebuffer')), path).toBe(true);
    }
  }, 180_000);
});
