import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGES } from '../../core/verdict/badge';
import { openSite, readBadge, startChromiumSession, tabIdOf } from './chromium';
import { HOSTILE_SITES } from './fixture-sites';
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
