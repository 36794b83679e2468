import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrySchema } from '../../core/registry/schema';
import { BADGES } from '../../core/verdict/badge';
import { badgeSaying, expectBadge } from './badge-wait';
import { expectedVerdict } from './expected-verdict';
import { CASE_SITES, SEEDED_SITES } from './fixture-sites';
import { extensionPage, readBadge, startFirefoxSession, tabIdOf } from './firefox';
import { E2E_REGISTRY, SCREENSHOTS } from './paths';
import { waitFor } from './wait-for';

const registry = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
let browser: Browser;
let extension: Page;
let server: Awaited<ReturnType<typeof startFirefoxSession>>['sites'];
let session: Awaited<ReturnType<typeof startFirefoxSession>>;

beforeAll(async () => {
  session = await startFirefoxSession();
  ({ browser, extension, sites: server } = session);
}, 90_000);

afterAll(() => session?.close());

const SITES = [
  ...SEEDED_SITES.filter((s) => ['maichetong.com.cn', 'm.maichetong.com.cn', 'etaoche.cn', 'www.kwaixiaodian.com'].includes(s.host)),
  ...CASE_SITES.filter((s) => ['listed-fixture.cn', 'cheap-cars-deal.com', 'split-footer.com', 'dongchedi-mall.cn'].includes(s.host)),
];

describe('badge in real Firefox ESR', () => {
  it.each(SITES.map((s) => [s.name, s] as const))('%s', async (_, site) => {
    const url = server.url(site.host);
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(extension, url);
    const verdict = expectedVerdict(site, registry);
    const want = BADGES[verdict];
    const badge = await waitFor(
      () => readBadge(extension, tabId),
      (b) => b.text === want.text && b.color === want.color,
    );
    expect(badge.text).toBe(want.text);
    expect(badge.color).toBe(want.color);
    if (site.host === 'cheap-cars-deal.com') {
      expect(badge.title).toBe(
        'Warning: this page shows licence 渝B2-20210467, which is registered to 重庆万象优车科技有限公司 for other domains, not for cheap-cars-deal.com.',
      );
      const popup = await extensionPage(browser);
      await popup.evaluate((id: number) => location.assign(`popup.html?tabId=${id}`), tabId).catch(() => undefined);
      await waitFor(
        () => popup.evaluate(() => document.querySelector('h1')?.dataset.verdict ?? null).catch(() => null),
        (v) => v === 'mismatch',
      );
      expect(await popup.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Borrowed licence number');
      await popup.screenshot({ path: join(SCREENSHOTS, 'firefox-popup-cheap-cars-deal.com.png') });
      await popup.close();
    }
    await page.close();
  });
});

describe('in-page warning in real Firefox ESR', () => {
  const warnings = (page: Page) => page.evaluate(() => document.querySelectorAll('licence-check-warning').length);

  it('appears, in a closed shadow root at the top, on a page showing a borrowed number, and on no other page', async () => {
    const fraud = await browser.newPage();
    await fraud.goto(server.url('cheap-cars-deal.com'), { waitUntil: 'load' });
    await fraud.waitForSelector('licence-check-warning', { timeout: 15_000 });
    expect(await warnings(fraud)).toBe(1);
    expect(await fraud.evaluate(() => (document.querySelector('licence-check-warning') as HTMLElement).shadowRoot)).toBeNull();
    expect(await fraud.evaluate(() => document.body.firstElementChild?.tagName)).toBe('LICENCE-CHECK-WARNING');
    expect(await fraud.$eval('licence-check-warning', (e) => e.getBoundingClientRect().top)).toBe(0);
    await fraud.screenshot({ path: join(SCREENSHOTS, 'firefox-warning-en.png') });

    const listed = await browser.newPage();
    const url = server.url('maichetong.com.cn');
    await listed.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(extension, url);
    // The verdict first, so the absence below is the worker's decision and not a scan still under way.
    const verdict = expectedVerdict(
      SEEDED_SITES.find((site) => site.host === 'maichetong.com.cn')!,
      registry,
    );
    expectBadge(await badgeSaying(() => readBadge(extension, tabId), verdict), verdict);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await warnings(listed)).toBe(0);
    await Promise.all([fraud.close(), listed.close()]);
  });
});
