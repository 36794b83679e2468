// The toolbar icon of the built extension under every badge, on light and dark toolbars, drawn by Chromium
// into a contact sheet (screenshots/icon-contact-sheet.png) and measured: a quarter of the square the badge
// leaves uncovered must stand out from each toolbar (an icon in the toolbar's colour, or a hairline, would not).
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGES } from '../../core/verdict/badge';
import { launchChromium, saveScreenshot } from './chromium';
import { addToolbarButton, declaredIcons, type BadgeLook, type toolbarButton } from './toolbar-button';

// The toolbar colours of the browsers' default themes (Chrome's and Firefox's, light and dark).
const TOOLBARS = [
  { name: 'Chrome light', color: '#ffffff' },
  { name: 'Chrome dark', color: '#3c3c3c' },
  { name: 'Firefox light', color: '#f9f9fb' },
  { name: 'Firefox dark', color: '#2b2a33' },
];

interface Measure {
  toolbar: string;
  scale: number;
  standingOut: number;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

/**
 * Draws every badge over the icon on each toolbar at 1× (16 px icon), 2× (32 px) and the 1× drawing
 * magnified 4× to show its pixels, and measures, at 1× and 2×, the share of the icon's square outside the
 * badge whose colour has a contrast of 3:1 or more with the toolbar (WCAG's threshold for graphics).
 */
async function drawSheet(toolbars: typeof TOOLBARS, badges: BadgeLook[]): Promise<Measure[]> {
  const luminance = (r: number, g: number, b: number) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const luminanceOf = (hex: string) =>
    luminance(parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16));
  const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

  const button = (window as unknown as { toolbarButton: typeof toolbarButton }).toolbarButton;

  const { icons } = window as unknown as { icons: Record<string, HTMLImageElement> };
  const [icon1, icon2] = [icons['16'], icons['32']];
  document.body.style.cssText = 'margin:0;padding:16px;font:13px sans-serif;background:#fff;color:#000';
  const measures: Measure[] = [];
  for (const toolbar of toolbars) {
    const row = document.body.appendChild(document.createElement('div'));
    row.style.cssText = `width:max-content;display:flex;gap:12px;align-items:center;padding:8px;background:${toolbar.color};color:${luminanceOf(toolbar.color) > 0.5 ? '#000' : '#fff'}`;
    row.appendChild(document.createElement('span')).textContent = toolbar.name;
    for (const badge of badges) {
      const cell = row.appendChild(document.createElement('span'));
      cell.style.cssText = 'display:inline-flex;gap:4px;align-items:center';
      cell.appendChild(button(icon1, toolbar.color, badge, 1));
      const hidpi = cell.appendChild(button(icon2, toolbar.color, badge, 2));
      hidpi.style.width = hidpi.style.height = '56px';
      const magnified = cell.appendChild(document.createElement('canvas'));
      magnified.width = magnified.height = 112;
      const ctx = magnified.getContext('2d')!;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(button(icon1, toolbar.color, badge, 1), 0, 0, 112, 112);
    }
    const background = luminanceOf(toolbar.color);
    for (const [scale, icon] of [
      [1, icon1],
      [2, icon2],
    ] as const) {
      const data = button(icon, toolbar.color, null, scale)
        .getContext('2d')!
        .getImageData(6 * scale, 6 * scale, 16 * scale, 16 * scale).data;
      let uncovered = 0;
      let standing = 0;
      for (let y = 0; y < 16 * scale; y++) {
        for (let x = 0; x < 16 * scale; x++) {
          // The badge covers from 8 px across and 6 px down (in icon pixels at 1×).
          if (x >= 8 * scale && y >= 6 * scale) continue;
          uncovered++;
          const i = (y * 16 * scale + x) * 4;
          if (contrast(luminance(data[i], data[i + 1], data[i + 2]), background) >= 3) standing++;
        }
      }
      measures.push({ toolbar: toolbar.name, scale, standingOut: standing / uncovered });
    }
  }
  return measures;
}

describe('the toolbar icon in real Chromium', () => {
  it('stands out from light and dark toolbars under every badge, in a contact sheet', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1900, height: 600 });
    await page.setContent('<!doctype html><title>icon contact sheet</title>');
    const badges = [...new Map(Object.values(BADGES).map((b) => [`${b.text}${b.color}`, b])).values()];
    await addToolbarButton(page, declaredIcons());
    const measures = await page.evaluate(drawSheet, TOOLBARS, badges);
    await saveScreenshot(page, 'icon-contact-sheet.png', true);
    await page.close();
    expect(measures).toHaveLength(TOOLBARS.length * 2);
    console.log(measures.map((m) => `${m.toolbar} ${m.scale}×: ${(m.standingOut * 100).toFixed(0)}%`).join(', '));
    for (const m of measures) expect(m.standingOut, `${m.toolbar} at ${m.scale}×`).toBeGreaterThan(0.25);
  }, 120_000);
});
