import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGES } from '../../core/verdict/badge';
import { openSite, readBadge, startChromiumSession, tabIdOf } from './chromium';
import { tracedLoad } from '../../bench/cold-cost';
import { EXPENSIVE_SITES, HOSTILE_SITES } from './fixture-sites';
import { badgeSaying } from './badge-wait';
import { waitFor } from './wait-for';

let session: Awaited<ReturnType<typeof startChromiumSession>>;

beforeAll(async () => {
  session = await startChromiumSession();
}, 60_000);

afterAll(() => session?.close());

/**
 * The page's heartbeat gaps over `ms`, counted from when the page has painted: a million-node page's own
 * first layout takes seconds whatever an extension does, and is not what this measures.
 */
const gapsSince = async (page: Page, ms: number) => {
  // A hidden page gets no frames and throttled timers: its gaps would say nothing about our scan.
  expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(() => {
    (window as unknown as { __gaps: number[] }).__gaps.length = 0;
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  return page.evaluate(() => (window as unknown as { __gaps: number[] }).__gaps);
};

describe('hostile pages in real Chromium', () => {
  it.each(HOSTILE_SITES.map((s) => [s.name, s] as const))(
    '%s: the verdict arrives, the page stays responsive',
    async (_, site) => {
      const url = session.sites.url(site.host);
      const page = await openSite(session.browser, url);
      const tabId = await tabIdOf(session.worker, url);
      const want = BADGES.mismatch;
      const badge = await waitFor(
        () => readBadge(session.worker, tabId),
        (b) => b.text === want.text && b.color === want.color,
        30_000,
      );
      expect(badge).toMatchObject(want);
      const gaps = await gapsSince(page, 2_000);
      // The page's own 10 ms heartbeat kept ticking; nothing of ours held the main thread for long.
      expect(gaps.length).toBeGreaterThan(50);
      expect(Math.max(...gaps)).toBeLessThan(250);
      const errors = await page.evaluate(() => (window as unknown as { __errors?: number }).__errors ?? 0);
      expect(errors).toBe(0);
      await page.close();
    },
    90_000,
  );
});

describe('pages that force the scanner off its cheap path, in real Chromium', () => {
  // The longest single stretch our script held the page's main thread, from the page's navigation until 2 s
  // after its load, read from a DevTools trace: what a person would feel as a freeze, measured while the
  // scan runs rather than after the badge. Measured: 10, 46 and 16 ms for these three pages.
  const LONGEST_MS = 200;

  it.each(EXPENSIVE_SITES.map((s) => [s.name, s] as const))(
    '%s: the verdict arrives, and no stretch of ours holds the page',
    async (_, site) => {
      const url = session.sites.url(site.host);
      const cost = await tracedLoad(session.browser, url, session.extensionId);
      expect(cost.longestMs).toBeLessThan(LONGEST_MS);
      // The same trace, read for the style or layout work our script forced (layout-chromium.test.ts).
      expect(cost.forcedLayouts).toEqual([]);
      const page = await openSite(session.browser, url);
      const tabId = await tabIdOf(session.worker, url);
      expect(await badgeSaying(() => readBadge(session.worker, tabId), 'mismatch', 30_000)).toMatchObject(BADGES.mismatch);
      await page.close();
    },
    180_000,
  );
});
