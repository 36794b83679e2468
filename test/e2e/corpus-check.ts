// One corpus page checked in a real browser, the same way in Chromium and Firefox.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { scanNumbers } from '../../core/grammar/scan-numbers';
import type { Verdict } from '../../core/verdict/verdict';
import { badgeSaying, badgeSays, expectBadge } from './badge-wait';
import type { Badge } from './chromium';
import { waitFor } from './wait-for';

const WARNING = 'licence-check-warning';

/** The frames of `page` in which a person reads some number (the test's own reading, not the extension's). */
async function framesShowingNumbers(page: Page): Promise<string[]> {
  const urls: string[] = [];
  for (const frame of page.frames()) {
    // innerText, not textContent: the text a person sees is what the check is about.
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (scanNumbers(text).length > 0) urls.push(frame.url());
  }
  return urls;
}

/**
 * Waits until every frame showing a number has reported it and the badge says `verdict`, so a badge that
 * is right before a frame's report is not taken for the verdict; then checks the in-page warning: there
 * on `mismatch`, absent on every other verdict.
 */
export async function checkCorpusPage(
  page: Page,
  verdict: Verdict,
  read: { badge: () => Promise<Badge>; frames: () => Promise<string[]> },
): Promise<void> {
  const showing = await framesShowingNumbers(page);
  const reported = await waitFor(read.frames, (urls) => showing.every((u) => urls.includes(u)));
  expect(reported).toEqual(expect.arrayContaining(showing));
  expectBadge(await badgeSaying(read.badge, verdict), verdict);
  if (verdict === 'mismatch') {
    await page.waitForSelector(WARNING, { timeout: 10_000 });
    return;
  }
  // The warning would be injected right after the badge is set; give a wrong verdict that long to show.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(badgeSays(await read.badge(), verdict)).toBe(true);
  expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, WARNING)).toBe(0);
}
