// Keyboard only, in real Chromium with the built extension: the popup's lookup, every control of the
// options page, and the in-page warning, each reached with Tab, used with Enter or Space, focus always seen.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openExtensionPage } from './a11y-pages';
import { exposeClosedShadowRoot } from './axe';
import { badgeSaying } from './badge-wait';
import { type ExtensionWorker, readBadge, saveScreenshot, startChromiumSession, tabIdOf } from './chromium';
import { walkOptions, walkPopupLookup, walkWarning } from './keyboard-walks';

let session: Awaited<ReturnType<typeof startChromiumSession>>;
let browser: Browser;
let worker: ExtensionWorker;
let extensionId: string;

type Local = { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void> } } } };

beforeAll(async () => {
  session = await startChromiumSession();
  ({ browser, worker, extensionId } = session);
  // An update address that refuses at once, and a dismissed site: so that every button of the options page is there.
  await worker.evaluate(() =>
    (globalThis as unknown as Local).chrome.storage.local.set({
      settings: {
        language: 'en',
        updateUrls: ['http://127.0.0.1:9/registry.json'],
        userKeys: [],
        warnings: true,
        dismissedSites: ['example.com'],
      },
    }),
  );
}, 60_000);

afterAll(() => session?.close());

describe('keyboard only, in Chromium', () => {
  it('popup: reach the lookup, type a number, open the result, go back with Escape', async () => {
    const url = session.sites.url('listed-fixture.cn');
    const site = await browser.newPage();
    await site.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(worker, url);
    await badgeSaying(() => readBadge(worker, tabId), 'listed');
    const popup = await openExtensionPage(browser, extensionId, `popup.html?tabId=${tabId}`, 'light');
    await popup.waitForSelector('h1[data-verdict="listed"]');
    await walkPopupLookup(popup, '川B2-20200036');
    await saveScreenshot(popup, 'keyboard-chromium-popup-result-focused.png', true);
    await Promise.all([popup.close(), site.close()]);
  });

  it('options page: every control reached with Tab, every button worked with Enter or Space', async () => {
    const options = await openExtensionPage(browser, extensionId, 'options.html', 'dark', 900);
    await walkOptions(options);
    await options.close();
  });

  it('in-page warning: its three buttons first with Tab, each worked from the keyboard', async () => {
    await walkWarning(
      {
        openFraudPage: async (host) => {
          const page = await browser.newPage();
          await page.goto(session.sites.url(host), { waitUntil: 'load' });
          await page.waitForSelector('licence-check-warning', { timeout: 15_000 });
          await exposeClosedShadowRoot(page, 'licence-check-warning');
          await page.bringToFront();
          return page;
        },
        detailsOpened: async (activate) => {
          await activate();
          const target = await browser.waitForTarget((t) => /\/popup\.html\?tabId=\d+$/.test(t.url()), { timeout: 10_000 });
          await (await target.page())?.close();
        },
        dismissedSites: () =>
          worker.evaluate(async () => {
            const { settings } = (await (globalThis as unknown as Local).chrome.storage.local.get('settings')) as {
              settings: { dismissedSites: string[] };
            };
            return settings.dismissedSites;
          }),
        seesInside: true,
      },
      { details: 'Details', dismiss: 'Dismiss for this site' },
    );
    const page = await browser.newPage();
    await page.goto(session.sites.url('split-footer.com'), { waitUntil: 'load' });
    await page.waitForSelector('licence-check-warning', { timeout: 15_000 });
    await page.bringToFront();
    await page.keyboard.press('Tab');
    await saveScreenshot(page, 'keyboard-chromium-warning-details-focused.png');
    await page.close();
  });
});
