import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../core/verdict/verdict';
import { openSite, readBadge, startChromiumSession, tabIdOf, type ExtensionWorker, saveScreenshot } from './chromium';
import { badgeSaying, expectBadge } from './badge-wait';

let session: Awaited<ReturnType<typeof startChromiumSession>>;
let browser: Browser;
let worker: ExtensionWorker;
let extensionId: string;
let sites: typeof session.sites;

beforeAll(async () => {
  session = await startChromiumSession();
  ({ browser, worker, extensionId, sites } = session);
}, 60_000);

afterAll(() => session?.close());

/** Waits until the tab of `url` shows `verdict` (for unlisted: our tooltip, not the manifest's default), so the background has decided. */
async function decided(url: string, verdict: Verdict): Promise<void> {
  const tabId = await tabIdOf(worker, url);
  expectBadge(await badgeSaying(() => readBadge(worker, tabId), verdict), verdict);
}

/** Opens a fixture site and waits until its badge shows `verdict`. */
async function visit(host: string, verdict: Verdict): Promise<Page> {
  const url = sites.url(host);
  const page = await openSite(browser, url);
  await decided(url, verdict);
  return page;
}

const warningCount = (page: Page) => page.evaluate(() => document.querySelectorAll('licence-check-warning').length);

async function expectWarning(page: Page): Promise<void> {
  await page.waitForSelector('licence-check-warning', { timeout: 10_000 });
  expect(await warningCount(page)).toBe(1);
}

async function expectNoWarning(page: Page): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await warningCount(page)).toBe(0);
}

/** Clicks a button inside the warning's closed shadow root, which only the DevTools protocol can see into. */
async function clickInWarning(page: Page, action: string): Promise<void> {
  const session = await page.createCDPSession();
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  type Node = { nodeId: number; nodeName: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const find = (node: Node): Node | undefined => {
    const attrs = node.attributes ?? [];
    if (node.nodeName === 'BUTTON' && attrs[attrs.indexOf('data-action') + 1] === action && attrs.includes('data-action')) return node;
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const button = find(root as Node);
  if (!button) throw new Error(`no ${action} button in the warning`);
  const { model } = await session.send('DOM.getBoxModel', { nodeId: button.nodeId });
  const [x1, y1, , , x3, y3] = model.content;
  await page.bringToFront();
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  await session.detach();
}

/** The warning's sentence, from inside its closed shadow root (through the DevTools protocol). */
async function warningText(page: Page): Promise<string> {
  const session = await page.createCDPSession();
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  type Node = { nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
  const texts: string[] = [];
  const walk = (node: Node, inParagraph: boolean) => {
    if (inParagraph && node.nodeName === '#text') texts.push(node.nodeValue ?? '');
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, inParagraph || node.nodeName === 'P');
  };
  const find = (node: Node): Node | undefined =>
    node.nodeName === 'LICENCE-CHECK-WARNING' ? node : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(find).find(Boolean);
  const warning = find(root as Node);
  if (warning) walk(warning, false);
  await session.detach();
  return texts.join('');
}

describe('in-page warning in real Chromium', () => {
  it('names the operator and the domains of an ICP filing a fraud page borrows, and stays away from the filed site', async () => {
    const page = await visit('vip.shili-xiaozhan-huiyuan.com', 'mismatch');
    await expectWarning(page);
    expect(await warningText(page)).toBe(
      'This site shows ICP filing number 京ICP备2023012345, which 北京示例小站文化有限公司 filed for shili-xiaozhan.cn, shili-dushu.cn — not for vip.shili-xiaozhan-huiyuan.com.',
    );
    await saveScreenshot(page, 'chromium-warning-filing-en.png');
    const filed = await visit('www.shili-xiaozhan.cn', 'filed');
    await expectNoWarning(filed);
    const article = await visit('www.beian-zhishi.cn', 'unlisted');
    await expectNoWarning(article);
    await Promise.all([page.close(), filed.close(), article.close()]);
  });

  it('shows a fraud page, without opening anything, that its licence number belongs to someone else', async () => {
    const page = await visit('cheap-cars-deal.com', 'mismatch');
    await expectWarning(page);
    expect(await page.evaluate(() => (document.querySelector('licence-check-warning') as HTMLElement).shadowRoot)).toBeNull();
    const box = await page.$eval('licence-check-warning', (e) => e.getBoundingClientRect().toJSON());
    expect(await page.evaluate(() => document.body.firstElementChild?.tagName)).toBe('LICENCE-CHECK-WARNING');
    expect(box.top).toBe(0);
    expect(box.width).toBe(await page.evaluate(() => document.documentElement.clientWidth));
    expect(box.height).toBeGreaterThan(20);
    await saveScreenshot(page, 'chromium-warning-en.png');
    await page.close();
  });

  it('cannot be removed or restyled by the page', async () => {
    const page = await visit('split-footer.com', 'mismatch');
    await expectWarning(page);
    await page.evaluate(() => document.querySelector('licence-check-warning')!.remove());
    await page.waitForSelector('licence-check-warning');
    await page.evaluate(() => {
      const host = document.querySelector('licence-check-warning') as HTMLElement;
      host.style.display = 'none';
      const style = document.createElement('style');
      style.textContent = 'licence-check-warning, body > * { display: none !important; visibility: hidden !important; }';
      document.head.append(style);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const shown = await page.$eval('licence-check-warning', (e) => [
      getComputedStyle(e).display,
      getComputedStyle(e).visibility,
      e.getBoundingClientRect().height,
    ]);
    expect(shown[0]).toBe('block');
    expect(shown[1]).toBe('visible');
    expect(shown[2]).toBeGreaterThan(20);
    await page.close();
  });

  it('dismissed for a site stays hidden on reload there, and only there', async () => {
    const page = await visit('cheap-cars-deal.com', 'mismatch');
    await expectWarning(page);
    await clickInWarning(page, 'dismiss');
    await page.waitForSelector('licence-check-warning', { hidden: true });
    await page.reload({ waitUntil: 'load' });
    await decided(page.url(), 'mismatch');
    await expectNoWarning(page);
    const other = await visit('fullwidth-footer.com', 'mismatch');
    await expectWarning(other);
    await Promise.all([page.close(), other.close()]);
  });

  it('is never injected into a listed, an unlisted, an unknown or a claimed page', async () => {
    for (const [host, verdict] of [
      ['listed-fixture.cn', 'listed'],
      ['plain-shop.cn', 'unlisted'],
      ['unknown-shop.cn', 'unknown'],
      ['dongchedi-mall.cn', 'claimed'],
    ] as const) {
      const page = await visit(host, verdict);
      await expectNoWarning(page);
      await page.close();
    }
  });

  it('is turned off by the setting, and speaks Chinese when the reader chose it', async () => {
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('#warnings');
    await options.$eval('#warnings', (e) => (e as HTMLInputElement).click());
    await options.waitForSelector('#saved ::-p-text(Saved)');
    const off = await visit('late-footer.com', 'mismatch');
    await expectNoWarning(off);

    await options.$eval('#warnings', (e) => (e as HTMLInputElement).click());
    await options.select('#language', 'zh_CN');
    await options.waitForSelector('#saved ::-p-text(已保存)');
    const on = await visit('shadow-footer.com', 'mismatch');
    await expectWarning(on);
    await saveScreenshot(on, 'chromium-warning-zh_CN.png');

    const guide = await browser.newPage();
    await guide.setViewport({ width: 800, height: 1000 });
    await guide.goto(`chrome-extension://${extensionId}/guide.html`);
    await guide.waitForSelector('h1 ::-p-text(使用说明)');
    await saveScreenshot(guide, 'chromium-guide-zh_CN.png', true);
    await options.select('#language', 'en');
    await options.waitForSelector('#saved ::-p-text(Saved)');
    await guide.reload();
    await guide.waitForSelector('h1 ::-p-text(how it works)');
    expect(await guide.$eval('main', (m) => m.textContent)).toContain('No visited address is sent anywhere.');
    await saveScreenshot(guide, 'chromium-guide-en.png', true);
    await Promise.all([options.close(), off.close(), on.close(), guide.close()]);
  });
});
