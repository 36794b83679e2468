import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrySchema } from '../../core/registry/schema';
import type { Verdict } from '../../core/verdict/verdict';
import {
  ExtensionWorker,
  openSite,
  readBadge,
  startChromiumSession,
  stopServiceWorkers,
  tabIdOf,
  type Badge,
  saveScreenshot,
} from './chromium';
import { badgeSaying, expectBadge } from './badge-wait';
import { expectedVerdict } from './expected-verdict';
import { ALL_SITES, CASE_SITES, SEEDED_SITES, type FixtureSite } from './fixture-sites';
import { E2E_REGISTRY } from './paths';
import { waitFor } from './wait-for';

const registry = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
let session: Awaited<ReturnType<typeof startChromiumSession>>;
let browser: Browser;
let worker: ExtensionWorker;
let extensionId: string;
let server: typeof session.sites;

beforeAll(async () => {
  session = await startChromiumSession();
  ({ browser, worker, extensionId, sites: server } = session);
}, 60_000);

afterAll(() => session?.close());

/** Waits for the badge of `verdict`; for `unlisted` (no badge) waits for the tooltip that says so. */
const badgeShowing = (tabId: number, verdict: Verdict, timeoutMs = 15_000): Promise<Badge> =>
  badgeSaying(() => readBadge(worker, tabId), verdict, timeoutMs);

async function visit(site: FixtureSite, path = '/'): Promise<{ page: Page; tabId: number }> {
  const url = server.url(site.host, path);
  const page = await openSite(browser, url);
  return { page, tabId: await tabIdOf(worker, url) };
}

describe('badge in real Chromium', () => {
  it.each(SEEDED_SITES.map((s) => [s.name, s] as const))('%s', async (_, site) => {
    const { page, tabId } = await visit(site);
    const verdict = expectedVerdict(site, registry);
    expectBadge(await badgeShowing(tabId, verdict), verdict);
    await page.close();
  });

  it.each(CASE_SITES.map((s) => [s.name, s] as const))('%s', async (_, site) => {
    const { page, tabId } = await visit(site);
    const verdict = expectedVerdict(site, registry);
    expectBadge(await badgeShowing(tabId, verdict), verdict);
    await saveScreenshot(page, `chromium-${site.host}.png`);
    // The popup for that tab, opened in a tab of its own, says the same in words.
    const popup = await browser.newPage();
    await popup.setViewport({ width: 440, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector(`h1[data-verdict="${verdict}"]`, { timeout: 5_000 });
    await saveScreenshot(popup, `chromium-popup-${site.host}.png`, true);
    await popup.close();
    await page.close();
  });

  it('covers every verdict of the contract', () => {
    const shown = new Set(ALL_SITES.map((s) => expectedVerdict(s, registry)));
    expect([...shown].sort()).toEqual(['claimed', 'expired', 'expiring', 'filed', 'listed', 'mismatch', 'revoked', 'unknown', 'unlisted']);
  });

  it('shows the red ✗ on a fraud page showing 渝B2-20210467, with a tooltip naming the real holder', async () => {
    const { page, tabId } = await visit(CASE_SITES.find((s) => s.host === 'cheap-cars-deal.com')!);
    const badge = await badgeShowing(tabId, 'mismatch');
    expect(badge).toEqual({
      text: '✗',
      color: '#dc2626',
      title:
        'Warning: this page shows licence 渝B2-20210467, which is registered to 重庆万象优车科技有限公司 for other domains, not for cheap-cars-deal.com.',
    });
    await page.close();
  });

  it('shows the teal i on a site only an ICP filing lists, and ✗ where its filing number is borrowed, naming the operator', async () => {
    const filed = await visit(ALL_SITES.find((s) => s.host === 'www.shili-xiaozhan.cn')!);
    expect(await badgeShowing(filed.tabId, 'filed')).toEqual({
      text: 'i',
      color: '#0891b2',
      title:
        'ICP filing only: www.shili-xiaozhan.cn is listed in ICP filing 京ICP备2023012345 (北京示例小站文化有限公司). A filing is not an operating licence.',
    });
    const fraud = await visit(ALL_SITES.find((s) => s.host === 'vip.shili-xiaozhan-huiyuan.com')!);
    expect(await badgeShowing(fraud.tabId, 'mismatch')).toEqual({
      text: '✗',
      color: '#dc2626',
      title:
        'Warning: this page shows ICP filing number 京ICP备2023012345, which 北京示例小站文化有限公司 filed for other domains, not for vip.shili-xiaozhan-huiyuan.com.',
    });
    await Promise.all([filed.page.close(), fraud.page.close()]);
  });

  it('shows the dark red ! on a shop whose licence was revoked, with a tooltip saying when, by whom and why', async () => {
    const site = ALL_SITES.find((s) => s.host === 'www.sugou-shili.cn')!;
    const { page, tabId } = await visit(site);
    const end = registry.licences.find((l) => l.number === '粤B2-20250013')?.end;
    expect(await badgeShowing(tabId, 'revoked')).toEqual({
      text: '!',
      color: '#b91c1c',
      title: `Licence no longer in force: www.sugou-shili.cn relies on licence 粤B2-20250013 (深圳示例速购科技有限公司). Revoked on ${end?.on} by 广东省通信管理局: 以欺骗手段取得经营许可`,
    });
    await page.close();
  });

  it('shows nothing before a late footer arrives, and the verdict after', async () => {
    const { page, tabId } = await visit(CASE_SITES.find((s) => s.host === 'late-footer.com')!);
    const early = await badgeShowing(tabId, 'unlisted', 1_500);
    expectBadge(early, 'unlisted');
    expectBadge(await badgeShowing(tabId, 'mismatch'), 'mismatch');
    await page.close();
  });

  it('follows a single-page app back to a route without the number', async () => {
    const { page, tabId } = await visit(CASE_SITES.find((s) => s.host === 'spa-shop.com')!);
    expectBadge(await badgeShowing(tabId, 'mismatch'), 'mismatch');
    expect(page.url()).toMatch(/\/about$/);
    await page.evaluate(() => (window as unknown as { route: (p: string, f: string) => void }).route('/', '<p>版权所有</p>'));
    expectBadge(await badgeShowing(tabId, 'unlisted'), 'unlisted');
    await page.close();
  });

  it.each(['huge-page.com', 'mutating-page.com'])('keeps %s responsive while it scans', async (host) => {
    const { page, tabId } = await visit(CASE_SITES.find((s) => s.host === host)!);
    expectBadge(await badgeShowing(tabId, 'mismatch'), 'mismatch');
    await page.evaluate(() => {
      (window as unknown as { __gaps: number[] }).__gaps.length = 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const gaps = await page.evaluate(() => (window as unknown as { __gaps: number[] }).__gaps);
    // A 10 ms heartbeat over three seconds: it kept ticking, and no tick waited long.
    expect(gaps.length).toBeGreaterThan(100);
    expect(Math.max(...gaps)).toBeLessThan(250);
    await page.close();
  });
});

describe('popup, lookup and options in real Chromium', () => {
  async function openPopup(query = ''): Promise<Page> {
    const popup = await browser.newPage();
    await popup.setViewport({ width: 440, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
    await popup.waitForSelector('#lookup');
    return popup;
  }

  it.each([
    ['川B2-20200036', '川B2-20200036', ['成都快购科技有限公司', '杨远熙', 'kwaigobuy.com', 'kwaixiaodian.com']],
    ['etaoche.cn', '京B2-20190486', ['北京淘车科技有限公司', '王剑炜', '淘车二手车', '北京世纪互联宽带数据中心有限公司']],
    ['快购', '川B2-20200036', ['成都快购科技有限公司', '腾讯云计算（北京）有限责任公司']],
  ])('looks up %s by hand and reads the licence', async (query, number, expected) => {
    const popup = await openPopup();
    await popup.bringToFront();
    await popup.type('#lookup', query);
    const result = await popup.waitForSelector(`button.result ::-p-text(${number})`, { timeout: 5_000 });
    await result!.click();
    await popup.waitForSelector('article.licence');
    const text = await popup.$eval('main', (m) => m.textContent ?? '');
    expect(text).toContain(number);
    for (const part of expected) expect(text).toContain(part);
    await saveScreenshot(popup, `chromium-lookup-${query.replace(/[^\w.-]/g, '_')}.png`, true);
    await popup.close();
  });

  it('switches to Chinese from the options page, and the popup follows', async () => {
    const { page, tabId } = await visit(CASE_SITES.find((s) => s.host === 'cheap-cars-deal.com')!);
    await badgeShowing(tabId, 'mismatch');
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('#language');
    expect(await options.$eval('main', (m) => m.textContent)).toContain(`Licences${registry.licences.length}`);
    await options.select('#language', 'zh_CN');
    await options.waitForSelector('::-p-text(已保存)');
    await saveScreenshot(options, 'chromium-options-zh_CN.png', true);

    const popup = await openPopup(`?tabId=${tabId}`);
    await popup.waitForSelector('h1[data-verdict="mismatch"]');
    expect(await popup.$eval('h1', (h) => h.textContent)).toBe('冒用他人许可证编号');
    expect(await popup.$eval('main', (m) => m.textContent)).toContain('该许可证实际覆盖的域名');
    // The badge tooltip follows the setting once the tab's verdict is shown again.
    await page.evaluate(() => history.pushState({}, '', '/zh'));
    const zhTitle = await waitFor(
      () => readBadge(worker, tabId),
      (b) => b.title.startsWith('警告'),
    );
    expect(zhTitle.title).toBe(
      '警告：本页展示的许可证 渝B2-20210467 登记给 重庆万象优车科技有限公司 的其他域名，不包括 cheap-cars-deal.com。',
    );
    await saveScreenshot(popup, 'chromium-popup-zh_CN-cheap-cars-deal.com.png', true);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await saveScreenshot(popup, 'chromium-popup-zh_CN-dark-cheap-cars-deal.com.png', true);

    await options.select('#language', 'auto');
    await options.waitForSelector('::-p-text(Saved)');
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});

describe('service-worker restart', () => {
  it('keeps the verdict: a restarted worker still knows what the page showed', async () => {
    const site = CASE_SITES.find((s) => s.host === 'cheap-cars-deal.com')!;
    const { page, tabId } = await visit(site);
    expectBadge(await badgeShowing(tabId, 'mismatch'), 'mismatch');

    await stopServiceWorkers(page);

    // A route change wakes a new worker, which must recompute the verdict from what it stored.
    await page.evaluate(() => history.pushState({}, '', '/after-restart'));
    worker = new ExtensionWorker(browser);
    await worker.evaluate((id: number) => chrome.action.setBadgeText({ tabId: id, text: '' }), tabId);
    await page.evaluate(() => history.pushState({}, '', '/again'));
    expectBadge(await badgeShowing(tabId, 'mismatch'), 'mismatch');
    await page.close();
  });
});

declare const chrome: { action: { setBadgeText(d: { tabId: number; text: string }): Promise<void> } };
