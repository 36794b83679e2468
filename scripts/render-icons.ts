// Renders assets/icon/icon.svg to the PNG sizes the stores and toolbars ask for, into public/icon/ where the
// build copies them from. Run with `npm run icons` after changing the drawing, and commit the PNGs: the
// build then needs no browser, and a store package built anywhere carries the same pixels.
import puppeteer from 'puppeteer-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ICON_SIZES = [16, 32, 48, 128];
// The Chrome Web Store shows the 128 px icon on a tile and asks for the drawing in its middle 96 px; the
// toolbar sizes use every pixel they have.
const PADDING: Record<number, number> = { 128: 16 };

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(join(root, 'assets/icon/icon.svg'), 'utf8');
const outDir = join(root, 'public/icon');
mkdirSync(outDir, { recursive: true });

// Debian's Chromium, as the tests use: its rasteriser is Skia, maintained with the browser.
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    const image = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const inner = size - 2 * (PADDING[size] ?? 0);
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{margin:${PADDING[size] ?? 0}px}</style><img src="${image}" width="${inner}" height="${inner}">`,
    );
    await page.waitForFunction(() => document.images[0].complete);
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  }
} finally {
  await browser.close();
}
console.log(`wrote ${ICON_SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
