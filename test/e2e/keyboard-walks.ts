// The keyboard-only walks through the popup, the options page and the in-page warning, the same in Chromium
// and Firefox: each page is already open and in front; nothing is clicked.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { type Focused, focused, press, tabUntil } from './keyboard-walk';
import { waitFor } from './wait-for';

/** The licence opened from the lookup (the popup's own tab licence sits inside its main view). */
const DETAIL = 'main > article.licence';
/** What has focus once `done` holds (or after 5 s, for the assertion to name it). */
async function waitForFocus(page: Page, done: (f: Focused) => boolean): Promise<Focused> {
  const now = await waitFor(() => focused(page), done, 5_000);
  expect(now.name, 'what has focus').toSatisfy(() => done(now));
  return now;
}

const byId = (id: string) => (f: { id: string }) => f.id === id;

/** Popup: Tab to the lookup, type a number, Tab to the result, open it (Enter, then Space), back (Escape, then Enter on Back). */
export async function walkPopupLookup(popup: Page, number: string): Promise<void> {
  await popup.waitForSelector('#lookup');
  await tabUntil(popup, byId('lookup'));
  await popup.keyboard.type(number);
  await popup.waitForSelector('button.result');
  const result = await press(popup, 'Tab');
  expect(result.name).toContain(number);
  expect(result.ringed, result.ring).toBe(true);

  // Focus moves once the view has changed, which Preact does after the key's event: read it after that.
  await press(popup, 'Enter');
  await popup.waitForSelector(DETAIL);
  const back = await waitForFocus(popup, (f) => f.text.includes('←'));
  expect(back.ringed, `focus ring on Back: ${back.ring}`).toBe(true);
  expect(await popup.$eval('h1', (h) => h.textContent)).toBe(number);

  await press(popup, 'Escape');
  await popup.waitForSelector(DETAIL, { hidden: true });
  const returned = await waitForFocus(popup, (f) => f.name === result.name);
  expect(returned.ringed, returned.ring).toBe(true);
  expect(await popup.$eval('#lookup', (i) => (i as HTMLInputElement).value)).toBe(number);

  await press(popup, ' ');
  await popup.waitForSelector(DETAIL);
  await waitForFocus(popup, (f) => f.text.includes('←'));
  await press(popup, 'Enter');
  await popup.waitForSelector(DETAIL, { hidden: true });
  await waitForFocus(popup, (f) => f.name === result.name);
}

/** The text of a status line once it says something. */
async function said(page: Page, selector: string): Promise<string> {
  await page.waitForFunction((s: string) => (document.querySelector(s)?.textContent ?? '') !== '', {}, selector);
  return page.$eval(selector, (e) => e.textContent ?? '');
}

/** What a key does on each control of the options page that does something, and how the page shows it. */
const OPTIONS_ACTIONS: [string, (page: Page) => Promise<void>][] = [
  [
    'save-urls',
    async (page) => {
      await press(page, ' ');
      expect(await said(page, '#saved')).not.toBe('');
    },
  ],
  [
    'check-now',
    async (page) => {
      await press(page, 'Enter');
      expect(await said(page, '#check-result')).toContain('127.0.0.1:9');
    },
  ],
  [
    'import',
    async (page) => {
      await press(page, ' ');
      expect(await said(page, '#import-result')).not.toBe('');
    },
  ],
  [
    'add-key',
    async (page) => {
      await press(page, 'Enter');
      expect(await said(page, '#key-note')).not.toBe('');
    },
  ],
  [
    'warnings',
    async (page) => {
      await press(page, ' ');
      await page.waitForSelector('#warnings:not(:checked)');
      await press(page, ' ');
      await page.waitForSelector('#warnings:checked');
    },
  ],
  // Warn again on the dismissed site: the button goes, and Tab carries on from where it was.
  [
    'undismiss',
    async (page) => {
      await press(page, 'Enter');
      await page.waitForSelector('#dismissed-sites', { hidden: true });
    },
  ],
];

/**
 * Options page, in one pass with Tab from its start: every control is reached in turn, each with a focus
 * ring, and each button does its work from the keyboard, with Enter or Space, as it is reached. Needs one
 * update address and one dismissed site stored. (One pass, since headless Firefox draws no focus ring
 * once Tab has gone round past the page's end.)
 */
export async function walkOptions(options: Page): Promise<void> {
  await options.waitForSelector('#dismissed-sites button');
  const controls = await options.$$eval('button, input, select, textarea, a[href]', (all) =>
    all.map((e) => e.id || (e.closest('#dismissed-sites') ? 'undismiss' : (e.textContent ?? '').trim())),
  );
  const reached: string[] = [];
  for (let i = 0; i < 60; i++) {
    const now = await press(options, 'Tab');
    if (now.tag === 'body' || reached.includes(now.id || now.name)) break;
    expect(now.ringed, `focus ring on ${now.name}: ${now.ring}`).toBe(true);
    const key = now.id || (now.name.startsWith('button.small') ? 'undismiss' : now.name);
    reached.push(key);
    await OPTIONS_ACTIONS.find(([id]) => id === key)?.[1](options);
  }
  expect(reached).toEqual(controls);
  for (const [id] of OPTIONS_ACTIONS) expect(reached, `${id} worked from the keyboard`).toContain(id);
}

const warningShown = (page: Page) => page.evaluate(() => document.querySelector('licence-check-warning') !== null);

export interface WarningWalk {
  /** A fraud page (each call a different site) open and in front, its warning shown. */
  openFraudPage: (host: string) => Promise<Page>;
  /** Runs `activate` (a key on Details), waits for the popup's view of the tab it opens, and closes it. */
  detailsOpened: (activate: () => Promise<unknown>) => Promise<void>;
  dismissedSites: () => Promise<string[]>;
  /** The test exposed the closed shadow root, so which button has focus, and its ring, can be read. */
  seesInside: boolean;
}

/** Tab from the page's start; the warning's buttons come first. What has focus, checked when it can be seen. */
async function tabInWarning(page: Page, walk: WarningWalk, label: string): Promise<void> {
  const now = await press(page, 'Tab');
  if (!walk.seesInside) return expect(now.tag).toBe('licence-check-warning');
  expect(now.text).toBe(label);
  expect(now.ringed, `focus ring on ${now.name}: ${now.ring}`).toBe(true);
}

/**
 * In-page warning: Tab reaches Details, Dismiss for this site and ×, in that order, before anything of the
 * page; Enter on Details opens the popup's view, Space on Dismiss dismisses, Enter on × closes.
 */
export async function walkWarning(walk: WarningWalk, labels: { details: string; dismiss: string }): Promise<void> {
  const fraud = await walk.openFraudPage('cheap-cars-deal.com');
  await tabInWarning(fraud, walk, labels.details);
  await walk.detailsOpened(() => press(fraud, 'Enter'));
  await fraud.bringToFront();
  await tabInWarning(fraud, walk, labels.dismiss);
  await press(fraud, ' ');
  await fraud.waitForSelector('licence-check-warning', { hidden: true });
  expect(await walk.dismissedSites()).toContain('cheap-cars-deal.com');

  const other = await walk.openFraudPage('fullwidth-footer.com');
  await tabInWarning(other, walk, labels.details);
  await tabInWarning(other, walk, labels.dismiss);
  await tabInWarning(other, walk, '×');
  await press(other, 'Enter');
  await other.waitForSelector('licence-check-warning', { hidden: true });
  expect(await warningShown(other)).toBe(false);
  expect(await walk.dismissedSites()).not.toContain('fullwidth-footer.com');
  await Promise.all([fraud.close(), other.close()]);
}
