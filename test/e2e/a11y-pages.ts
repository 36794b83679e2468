// The extension's pages as the accessibility tests open them: in a language, in a colour scheme, each in
// a tab of its own.
import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { RegistrySchema } from '../../core/registry/schema';
import type { Verdict } from '../../core/verdict/verdict';
import type { ExtensionWorker } from './chromium';
import { expectedVerdict } from './expected-verdict';
import { CASE_SITES, SEEDED_SITES, type FixtureSite } from './fixture-sites';
import { E2E_REGISTRY } from './paths';
import { SETTINGS } from '../../storage/storage-items';

export const LANGUAGES = ['zh_CN', 'en'] as const;
export const SCHEMES = ['light', 'dark'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Scheme = (typeof SCHEMES)[number];

/** What the page's `lang` must say in each language setting. */
export const LANG_ATTRIBUTE: Record<Language, string> = { zh_CN: 'zh-CN', en: 'en' };

const registry = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));

/** One light fixture site per verdict (the first that shows it), so that every verdict's popup is checked. */
export function siteForEachVerdict(): [Verdict, FixtureSite][] {
  const found = new Map<Verdict, FixtureSite>();
  for (const site of [...CASE_SITES, ...SEEDED_SITES]) {
    const verdict = expectedVerdict(site, registry);
    if (!found.has(verdict)) found.set(verdict, site);
  }
  return [...found];
}

/**
 * The language setting, written where the options page writes it; pages opened after it follow it. The
 * settings must have been stored once (the tests store them first).
 */
export async function setLanguage(worker: ExtensionWorker, language: Language): Promise<void> {
  await worker.evaluate(
    async (key: string, lang: string) => {
      type StorageArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
      const { storage } = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome;
      const settings = (await storage.local.get(key))[key] as object | undefined;
      await storage.local.set({ [key]: { ...settings, language: lang } });
    },
    SETTINGS.key,
    language,
  );
}

/** A page of the extension (`popup.html?tabId=3`, `options.html`…) in a new tab, in front, in `scheme`. */
export async function openExtensionPage(browser: Browser, extensionId: string, path: string, scheme: Scheme, width = 440): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  await page.bringToFront();
  return page;
}
