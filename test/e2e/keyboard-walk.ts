// A person with only a keyboard, in either browser: Tab from element to element, reading what has focus
// and whether it can be seen.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';

export interface Focused {
  /** Tag, id or class, and text: enough to name the element in a failed test. */
  name: string;
  tag: string;
  id: string;
  text: string;
  /** A focus ring is drawn: an outline at least 2 px wide, or a box shadow. */
  ringed: boolean;
  ring: string;
}

/** What has focus, looking through shadow roots the page can see (a closed one shows as its host). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let e = document.activeElement as HTMLElement | null;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement as HTMLElement;
    if (!e || e === document.body) return { name: 'body', tag: 'body', id: '', text: '', ringed: false, ring: '' };
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2;
    const text = (e.textContent || (e as HTMLInputElement).value || e.getAttribute('aria-label') || '').trim().slice(0, 40);
    return {
      name: `${e.localName}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''} "${text}"`,
      tag: e.localName,
      id: e.id,
      text,
      ringed: outline || s.boxShadow !== 'none',
      ring: `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow ${s.boxShadow}`,
    };
  });
}

/** Presses a key on the element that has focus, and gives what has focus after it. */
export async function press(page: Page, key: 'Tab' | 'Enter' | ' ' | 'Escape'): Promise<Focused> {
  await page.keyboard.press(key);
  return focused(page);
}

/**
 * Tabs forward until `reached` holds, at most `limit` times; every element passed on the way must show a
 * focus ring. Returns the elements in the order reached.
 */
export async function tabUntil(page: Page, reached: (f: Focused) => boolean, limit = 60): Promise<Focused[]> {
  const walk: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    const now = await press(page, 'Tab');
    walk.push(now);
    if (now.tag !== 'body') expect(now.ringed, `focus ring on ${now.name}: ${now.ring}`).toBe(true);
    if (reached(now)) return walk;
  }
  throw new Error(`not reached with Tab after ${limit} presses; passed ${walk.map((f) => f.name).join(' → ')}`);
}
