// The keyboard-only walks of keyboard-chromium.test.ts in real Firefox ESR. Firefox offers a test no way
// into the warning's closed shadow root, so there the walk knows its buttons by what they do, not by name,
// and their focus ring (the same CSS) is checked in Chromium only.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, startFirefoxSession } from './firefox';
import { walkOptions, walkPopupLookup, walkWarning } from './keyboard-walks';
import { waitFor } from './wait-for';

let session: Awaited<ReturnType<typeof startFirefoxSession>>;
let browser: Browser;
let extension: Page;

type Local = { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void> } } } };

beforeAll(async () => {
  session = await startFirefoxSession();
  ({ browser, extension } = session);
  // An update address that refuses at once, and a dismissed site: so that every button of the options page is there.
  await extension.evaluate(() =>
    (globalThis as unknown as Local).browser.storage.local.set({
      settings: {
        language: 'en',
        updateUrls: ['http://127.0.0.1:9/registry.json'],
        userKeys: [],
        warnings: true,
        dismissedSites: ['example.com'],
      },
    }),
  );
}, 90_000);

afterAll(() => session?.close());

/** An extension page in a tab of its own, in front. */
async function openPage(path: string): Promise<Page> {
  const page = await extensionPage(browser);
  await page.evaluate((p: string) => location.assign(p), path).catch(() => undefined);
  await waitFor(
    () => page.evaluate(() => location.href).catch(() => ''),
    (href) => href.endsWith(path),
  );
  await page.bringToFront();
  return page;
}

describe('keyboard only, in Firefox ESR', () => {
  it('popup: reach the lookup, type a number, open the result, go back with Escape', async () => {
    const popup = await openPage('popup.html?tabId=999999');
    await walkPopupLookup(popup, '川B2-20200036');
    await popup.close();
  });

  it('options page: every control reached with Tab, every button worked with Enter or Space', async () => {
    const options = await openPage('options.html');
    await walkOptions(options);
    await options.close();
  });

  it('in-page warning: reached first with Tab, each button worked from the keyboard', async () => {
    await walkWarning(
      {
        openFraudPage: async (host) => {
          const page = await browser.newPage();
          await page.goto(session.sites.url(host), { waitUntil: 'load' });
          await page.waitForSelector('licence-check-warning', { timeout: 15_000 });
          await page.bringToFront();
          return page;
        },
        // Puppeteer over WebDriver BiDi does not see an extension page's address: a new tab it is.
        detailsOpened: async (activate) => {
          const before = (await browser.pages()).length;
          await activate();
          const pages = await waitFor(
            () => browser.pages(),
            (all) => all.length > before,
          );
          expect(pages.length).toBe(before + 1);
          await pages[pages.length - 1].close();
        },
        dismissedSites: () =>
          extension.evaluate(async () => {
            const { settings } = (await (globalThis as unknown as Local).browser.storage.local.get('settings')) as {
              settings: { dismissedSites: string[] };
            };
            return settings.dismissedSites;
          }),
        seesInside: false,
      },
      { details: 'Details', dismiss: 'Dismiss for this site' },
    );
  });
});
