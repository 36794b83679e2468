// The store listing's screenshots (docs/store/README.md), taken from real runs of the built extension in
// Chromium, in English and 简体中文: a listed site, a fraud page with its warning, a lookup by hand and the
// options page. Headless Chromium draws no browser window, so each page is set in a drawn toolbar whose
// button is the built icon with the badge the worker really set, and the popup is laid where it opens.
import type { Browser, Page } from 'puppeteer-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrySchema } from '../../core/registry/schema';
import { BADGES } from '../../core/verdict/badge';
import type { Verdict } from '../../core/verdict/verdict';
import { badgeSaying } from './badge-wait';
import { type Badge, type ExtensionWorker, readBadge, startChromiumSession, tabIdOf } from './chromium';
import { expectedVerdict } from './expected-verdict';
import { ALL_SITES } from './fixture-sites';
import { E2E_REGISTRY, STORE_SCREENSHOTS } from './paths';
import { pngSize } from './store-package';
import { addToolbarButton, declaredIcons, type toolbarButton } from './toolbar-button';

const WIDTH = 1280;
const HEIGHT = 800;
const TOOLBAR = 40;
// Chrome opens a popup at its content's height, up to 600 px.
const POPUP_WIDTH = 400;
const POPUP_MAX_HEIGHT = 600;

const registry = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
// A page of the corpus, written as a real portal is, and listed.
const LISTED = ALL_SITES.find((s) => s.host === 'www.shili.cn')!;
// A corpus copy of that portal under another domain, showing the portal's licence.
const FRAUD = ALL_SITES.find((s) => s.host === 'www.cheap-shili-mall.com')!;
// Part of a name, which finds every licence whose holder or site names it.
const LOOKUP = { query: '示例', number: '浙B2-20250003' };

let session: Awaited<ReturnType<typeof startChromiumSession>>;
let browser: Browser;
let worker: ExtensionWorker;
let extensionId: string;

beforeAll(async () => {
  session = await startChromiumSession();
  ({ browser, worker, extensionId } = session);
  mkdirSync(STORE_SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(() => session?.close());

async function screenshot(page: Page): Promise<string> {
  await page.bringToFront();
  return Buffer.from(await page.screenshot({ type: 'png' })).toString('base64');
}

/** The popup as Chrome would open it: its width, the height of its content up to the limit. */
async function popupShot(popup: Page): Promise<string> {
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewport({ width: POPUP_WIDTH, height: Math.min(height, POPUP_MAX_HEIGHT) });
  return screenshot(popup);
}

/** Sets `pageShot` (WIDTH × HEIGHT − TOOLBAR) under a toolbar showing `address` and the button, with the popup open if given. */
async function compose(file: string, address: string, pageShot: string, badge: Badge | null, popup?: string): Promise<void> {
  const sheet = await browser.newPage();
  await sheet.setViewport({ width: WIDTH, height: HEIGHT });
  await sheet.setContent(`<!doctype html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;font:14px sans-serif">
    <div style="height:${TOOLBAR}px;box-sizing:border-box;display:flex;align-items:center;gap:10px;padding:0 8px 0 16px;background:#fff;border-bottom:1px solid #dadce0;color:#5f6368">
      <span style="font-size:18px;letter-spacing:14px">←→↻</span>
      <div style="flex:1;height:28px;line-height:28px;border-radius:14px;background:#f1f3f4;padding:0 16px;color:#202124">${address}</div>
      <span id="button"></span>
    </div>
    <img src="data:image/png;base64,${pageShot}" style="display:block">
    ${popup ? `<img src="data:image/png;base64,${popup}" style="position:absolute;top:${TOOLBAR - 4}px;right:8px;border-radius:8px;box-shadow:0 4px 18px rgba(0,0,0,.35)">` : ''}
  </body>`);
  await addToolbarButton(sheet, declaredIcons());
  await sheet.evaluate(async (look: Badge | null) => {
    const { toolbarButton: button, icons } = window as unknown as {
      toolbarButton: typeof toolbarButton;
      icons: Record<string, HTMLImageElement>;
    };
    document.getElementById('button')!.appendChild(button(icons['16'], '#ffffff', look, 1));
    await Promise.all([...document.images].map((i) => i.decode()));
  }, badge);
  const path = join(STORE_SCREENSHOTS, file);
  await sheet.screenshot({ path });
  await sheet.close();
  expect(pngSize(readFileSync(path))).toEqual({ width: WIDTH, height: HEIGHT });
}

/** A fixture site in a tab at the screenshot's size, once its badge says `verdict`. */
async function visit(host: string, verdict: Verdict): Promise<{ page: Page; tabId: number; badge: Badge }> {
  const url = session.sites.url(host);
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height: HEIGHT - TOOLBAR });
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdOf(worker, url);
  const badge = await badgeSaying(() => readBadge(worker, tabId), verdict);
  expect(badge.text).toBe(BADGES[verdict].text);
  return { page, tabId, badge };
}

async function openPopup(query: string): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewport({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
  await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  await popup.waitForSelector('#lookup');
  return popup;
}

it('has a listed site and a fraud page to show', () => {
  expect(expectedVerdict(LISTED, registry)).toBe('listed');
  expect(expectedVerdict(FRAUD, registry)).toBe('mismatch');
});

describe.each([
  ['en', 'Saved'],
  ['zh_CN', '已保存'],
] as const)('store screenshots in %s', (language, saved) => {
  it('shows the options page, in that language', async () => {
    const options = await browser.newPage();
    await options.setViewport({ width: WIDTH, height: HEIGHT - TOOLBAR });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('#language');
    await options.select('#language', language);
    await options.waitForSelector(`::-p-text(${saved})`);
    await compose(`${language}-4-options.png`, `chrome-extension://${extensionId}/options.html`, await screenshot(options), null);
    await options.close();
  });

  it('shows a listed site with its popup', async () => {
    const { page, tabId, badge } = await visit(LISTED.host, 'listed');
    const popup = await openPopup(`?tabId=${tabId}`);
    await popup.waitForSelector('h1[data-verdict="listed"]');
    await compose(`${language}-1-listed-site.png`, LISTED.host, await screenshot(page), badge, await popupShot(popup));
    await Promise.all([popup.close(), page.close()]);
  });

  it('shows a fraud page with the warning', async () => {
    const { page, badge } = await visit(FRAUD.host, 'mismatch');
    await page.waitForSelector('licence-check-warning', { timeout: 10_000 });
    await compose(`${language}-2-fraud-warning.png`, FRAUD.host, await screenshot(page), badge);
    await page.close();
  });

  it('shows licences looked up by hand in the popup', async () => {
    const { page, tabId, badge } = await visit(LISTED.host, 'listed');
    const popup = await openPopup(`?tabId=${tabId}`);
    await popup.bringToFront();
    await popup.type('#lookup', LOOKUP.query);
    await popup.waitForSelector(`button.result ::-p-text(${LOOKUP.number})`, { timeout: 5_000 });
    expect(await popup.$$eval('button.result', (results) => results.length)).toBeGreaterThan(1);
    // The lookup is at the end of the tab's popup: scrolled down as the reader would, to see every result.
    await popup.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await compose(`${language}-3-lookup.png`, LISTED.host, await screenshot(page), badge, await popupShot(popup));
    await Promise.all([popup.close(), page.close()]);
  });
});
