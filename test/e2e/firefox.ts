import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ALL_SITES } from './fixture-sites';
import { FIREFOX_BUILD } from './paths';
import type { Badge } from './chromium';
import { badgeOfTab, tabIdShowing } from './in-extension';
import { startSiteServer } from './site-server';

const GECKO_ID = 'licence-check@example.org';
// A fixed internal UUID, so the test knows the extension's moz-extension:// origin.
const EXTENSION_UUID = 'b4f0c2de-5a61-4c1e-9d3b-7c2e8a9f1e07';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Headless Firefox ESR with the e2e build installed; every fixture host resolves to 127.0.0.1. */
export async function launchFirefox(): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': ALL_SITES.map((s) => s.host).join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'dom.security.https_first': false,
      'intl.locale.requested': 'en-US',
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

/**
 * An extension page, from which the extension's own APIs can be called. Loading it switches the tab to
 * the extension's process, which Puppeteer reports as a detached frame although scripts still run in
 * it; so the navigation is not awaited, the page's APIs are.
 */
export async function extensionPage(firefox: Browser): Promise<Page> {
  const page = await firefox.newPage();
  page.goto(`${EXTENSION_ORIGIN}/popup.html`).catch(() => undefined);
  for (let tries = 0; tries < 100; tries++) {
    const ready = await page.evaluate(() => typeof browser !== 'undefined' && browser.browserAction !== undefined).catch(() => false);
    if (ready) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the extension page did not load');
}

export async function tabIdOf(extension: Page, url: string): Promise<number> {
  return extension.evaluate(tabIdShowing, url);
}

export async function readBadge(extension: Page, tabId: number): Promise<Badge> {
  return extension.evaluate(badgeOfTab, tabId);
}

declare const browser: { browserAction?: object };

/** Fixture sites on 127.0.0.1 and Firefox ESR with the e2e build, with an extension page to call its APIs from. */
export async function startFirefoxSession() {
  const sites = await startSiteServer();
  const browser = await launchFirefox();
  const extension = await extensionPage(browser);
  return {
    sites,
    browser,
    extension,
    close: async () => {
      await browser.close();
      await sites.close();
    },
  };
}
