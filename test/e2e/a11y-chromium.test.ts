// axe-core on every page of the built extension in real Chromium, as a person meets it: in 简体中文 and
// English, light and dark. Any violation fails the test, listed one per line.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../core/verdict/verdict';
import { LANG_ATTRIBUTE, LANGUAGES, openExtensionPage, SCHEMES, type Scheme, setLanguage, siteForEachVerdict } from './a11y-pages';
import { axeChecked, axeViolations, exposeClosedShadowRoot } from './axe';
import { badgeSaying } from './badge-wait';
import { type ExtensionWorker, readBadge, saveScreenshot, startChromiumSession, tabIdOf } from './chromium';

// Nothing listens there: "Check now" is refused at once, and the options page shows the refusal.
const DEAD_UPDATE_URL = 'http://127.0.0.1:9/registry.json';

let session: Awaited<ReturnType<typeof startChromiumSession>>;
let browser: Browser;
let worker: ExtensionWorker;
let extensionId: string;
const verdictTabs: [Verdict, number][] = [];

beforeAll(async () => {
  session = await startChromiumSession();
  ({ browser, worker, extensionId } = session);
  await worker.evaluate(
    (url: string) =>
      (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({
        settings: { language: 'auto', updateUrls: [url], userKeys: [], warnings: true, dismissedSites: [] },
      }),
    DEAD_UPDATE_URL,
  );
  for (const [verdict, site] of siteForEachVerdict()) {
    const url = session.sites.url(site.host);
    await (await browser.newPage()).goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(worker, url);
    await badgeSaying(() => readBadge(worker, tabId), verdict);
    verdictTabs.push([verdict, tabId]);
  }
}, 120_000);

afterAll(() => session?.close());

async function expectAccessible(page: Page, name: string, within?: string): Promise<void> {
  await saveScreenshot(page, `a11y-chromium-${name}.png`, true);
  expect(await axeViolations(page, within), `axe on ${name}`).toEqual([]);
}

// The options page took three seconds to draw the first time after the browser started, in a test on this
// machine; a person meets the page in that state too.
it.each(['options.html', 'guide.html', 'popup.html'])(
  '%s says what it is, in a language, before it has read its settings',
  async (path) => {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'domcontentloaded' });
    const shell = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      mains: document.querySelectorAll('main').length,
      headings: document.querySelectorAll('h1').length,
    }));
    expect(shell.lang).toMatch(/^[a-z]{2}/);
    expect(shell.title).not.toMatch(/__MSG_/);
    expect(shell).toMatchObject({ mains: 1, headings: 1 });
    await page.close();
  },
);

describe.each(LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => [language, scheme] as const)))('axe: %s, %s', (language, scheme) => {
  const name = (what: string) => `${language}-${scheme}-${what}`;
  const open = (path: string, width?: number) => openExtensionPage(browser, extensionId, path, scheme as Scheme, width);

  beforeAll(() => setLanguage(worker, language));

  it('popup in every verdict state, and on a tab that is no web page', async () => {
    expect(verdictTabs.map(([v]) => v).sort()).toEqual(['claimed', 'expired', 'expiring', 'listed', 'mismatch', 'unknown', 'unlisted']);
    for (const [verdict, tabId] of verdictTabs) {
      const popup = await open(`popup.html?tabId=${tabId}`);
      const heading = await popup.waitForSelector(`h1[data-verdict="${verdict}"]`);
      expect(await popup.$eval('html', (h) => h.lang)).toBe(LANG_ATTRIBUTE[language]);
      // Said to a screen reader once it opens, not only shown by colour and symbol: the heading's words first.
      const title = await heading!.evaluate((h) => h.textContent ?? '');
      await popup.waitForFunction((t: string) => document.getElementById('verdict-announcement')?.textContent?.startsWith(t), {}, title);
      const status = await popup.accessibility.snapshot({ root: (await popup.$('#verdict-announcement'))! });
      expect(status?.role).toBe('status');
      await expectAccessible(popup, name(`popup-${verdict}`));
      await popup.close();
    }
    const none = await open('popup.html?tabId=999999');
    await none.waitForSelector('#lookup');
    await expectAccessible(none, name('popup-not-web'));
    await none.close();
  });

  it('popup lookup with results, with none, and a licence in detail', async () => {
    const popup = await open('popup.html?tabId=999999');
    await popup.waitForSelector('#lookup');
    await popup.type('#lookup', '不存在的公司');
    await popup.waitForFunction(() => (document.querySelector('.lookup-results')?.textContent ?? '') !== '');
    await expectAccessible(popup, name('lookup-none'));
    await popup.$eval('#lookup', (i) => {
      (i as HTMLInputElement).value = '';
    });
    await popup.type('#lookup', '快购');
    const result = await popup.waitForSelector('button.result');
    await expectAccessible(popup, name('lookup-results'));
    await result!.click();
    await popup.waitForSelector('article.licence');
    await expectAccessible(popup, name('licence-detail'));
    await popup.close();
  });

  it('options page with a refusal shown', async () => {
    const options = await open('options.html', 900);
    await options.waitForSelector('#check-now');
    expect(await options.$eval('html', (h) => h.lang)).toBe(LANG_ATTRIBUTE[language]);
    await options.click('#check-now');
    await options.waitForSelector('#check-result.error');
    await options.waitForFunction(() => document.querySelector('#last-refusal')?.textContent?.includes('127.0.0.1:9'));
    await expectAccessible(options, name('options-refusal'));
    await options.close();
  });

  it('guide', async () => {
    const guide = await open('guide.html', 800);
    await guide.waitForSelector('main.guide h1');
    expect(await guide.$eval('html', (h) => h.lang)).toBe(LANG_ATTRIBUTE[language]);
    await expectAccessible(guide, name('guide'));
    await guide.close();
  });

  it('in-page warning on a fraud page', async () => {
    const fraud = await browser.newPage();
    await fraud.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await fraud.goto(session.sites.url('cheap-cars-deal.com'), { waitUntil: 'load' });
    await fraud.waitForSelector('licence-check-warning', { timeout: 15_000 });
    await exposeClosedShadowRoot(fraud, 'licence-check-warning');
    // The page around the warning is the site's, not ours: only the warning is held to the rules.
    expect(await fraud.$eval('licence-check-warning', (h) => h.shadowRoot?.querySelector('[lang]')?.getAttribute('lang'))).toBe(
      LANG_ATTRIBUTE[language],
    );
    expect(await axeChecked(fraud, 'button-name', 'licence-check-warning')).toBe(3);
    await expectAccessible(fraud, name('warning'), 'licence-check-warning');
    await fraud.close();
  });
});
