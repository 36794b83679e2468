// A browser toolbar button with its badge, drawn in a page: headless Chromium shows no toolbar, so the icon
// contact sheet and the store screenshots draw the button from the built icon and the badge the worker set.
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD } from './paths';

export interface BadgeLook {
  text: string;
  color: string | null;
}

/**
 * One 28 px button (the 16 px icon at 6,6) on a toolbar of colour `toolbar`, at `scale` device pixels per
 * pixel. The badge is placed about as Chrome places it (by eye, not from its source): 12 px high, over the
 * icon's lower right and past its edge, white bold text. Runs in the page, so it uses nothing from outside.
 */
export function toolbarButton(icon: HTMLImageElement, toolbar: string, badge: BadgeLook | null, scale: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 28 * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = toolbar;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(icon, 6 * scale, 6 * scale, 16 * scale, 16 * scale);
  if (badge?.color && badge.text) {
    ctx.font = `bold ${9 * scale}px sans-serif`;
    const width = Math.max(12 * scale, ctx.measureText(badge.text).width + 4 * scale);
    ctx.fillStyle = badge.color;
    ctx.beginPath();
    ctx.roundRect(26 * scale - width, 12 * scale, width, 12 * scale, 2 * scale);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(badge.text, 26 * scale - width / 2, 18.5 * scale);
  }
  return canvas;
}

/** Makes `toolbarButton` callable in `page` as `window.toolbarButton`, and loads `icons` there as `window.icons`. */
export async function addToolbarButton(page: Page, icons: Record<string, string>): Promise<void> {
  await page.addScriptTag({ content: `window.toolbarButton = ${toolbarButton.toString()};` });
  await page.evaluate(async (sources: Record<string, string>) => {
    const loaded: Record<string, HTMLImageElement> = {};
    for (const [size, src] of Object.entries(sources)) {
      const img = new Image();
      img.src = src;
      await img.decode();
      loaded[size] = img;
    }
    (window as unknown as { icons: Record<string, HTMLImageElement> }).icons = loaded;
  }, icons);
}

/** The toolbar button's icons as the Chrome build declares them, as data URLs by size. */
export function declaredIcons(build = CHROME_BUILD): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { action: { default_icon: Record<string, string> } };
  return Object.fromEntries(
    Object.entries(manifest.action.default_icon).map(([size, path]) => [
      size,
      `data:image/png;base64,${readFileSync(join(build, path)).toString('base64')}`,
    ]),
  );
}
