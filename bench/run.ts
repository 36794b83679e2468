// npm run bench: the content script's cost on generated pages against the innerText baseline, the time
// from DOMContentLoaded to the badge, its cold cost per page load from traces (bench/cold-cost.ts), bundle
// sizes, the registry at 1,000 to 1,000,000 domains, and registry:build at national scale.
// Prints a table and writes bench-results.json. Figures are medians of repeated runs in one process.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS } from '../test/e2e/chromium';
import { coldCost, printColdCost } from './cold-cost';
import { shopPage } from './pages';
import { registryBuildScale } from './registry-build-scale';
import { registryScale } from './registry-scale';
import { median, round } from './stats';

const ROOT = new URL('..', import.meta.url).pathname;
const BUILD = join(ROOT, '.output/chrome-mv3');

async function scannerBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'core/page/scan-page.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'LicenceScan',
    write: false,
  });
  return out.outputFiles[0].text;
}

async function scanCosts(sizes: number[]) {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  const bundle = await scannerBundle();
  const rows = [];
  for (const nodes of sizes) {
    const page = await browser.newPage();
    await page.setContent(shopPage(nodes), { waitUntil: 'load', timeout: 300_000 });
    await page.addScriptTag({ content: bundle });
    // tsx keeps function names with a helper the page does not have; functions sent to it need it.
    await page.evaluate('globalThis.__name = (f) => f');
    const runs = nodes >= 1_000_000 ? 5 : 11;
    const result = await page.evaluate((runs: number) => {
      const REGEX = /[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新]\s*B[12]-\d{8}/;
      const time = (fn: () => unknown, dirty: boolean) => {
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          // A new width every run lays every line out again; toggling a padding moved the page's content
          // without laying it out, and showed no cost even for innerText.
          if (dirty) document.body.style.width = `${700 + i}px`;
          const t0 = performance.now();
          fn();
          times.push(performance.now() - t0);
        }
        return times;
      };
      const scan = () => (window as unknown as { LicenceScan: { scanPage(d: Document): unknown[] } }).LicenceScan.scanPage(document);
      // innerText: the naive checker this is compared with reads the rendered text.
      const baseline = () => REGEX.exec(document.body.innerText);
      return {
        found: (scan() as { canonical: string }[]).map((f) => f.canonical),
        nodes: document.getElementsByTagName('*').length,
        ours: time(scan, false),
        oursDirty: time(scan, true),
        baseline: time(baseline, false),
        baselineDirty: time(baseline, true),
      };
    }, runs);
    const ours = median(result.ours);
    const baseline = median(result.baseline);
    // A median under performance.now()'s resolution reads 0, and a ratio to it says nothing.
    const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 1) : null);
    rows.push({
      nodes,
      elements: result.nodes,
      found: result.found.join(' '),
      oursMs: round(ours),
      oursDirtyLayoutMs: round(median(result.oursDirty)),
      baselineMs: round(baseline),
      baselineDirtyLayoutMs: round(median(result.baselineDirty)),
      ratio: ratio(baseline, ours),
      ratioDirtyLayout: ratio(median(result.baselineDirty), median(result.oursDirty)),
    });
    await page.close();
  }
  await browser.close();
  return rows;
}

async function badgeLatency() {
  const pages = new Map([
    ['small-shop.cn', shopPage(1_000)],
    ['large-shop.cn', shopPage(100_000)],
  ]);
  const server = createServer((req, res) => {
    const html = pages.get((req.headers.host ?? '').replace(/:\d+$/, ''));
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${BUILD}`, `--load-extension=${BUILD}`, '--host-resolver-rules=MAP * 127.0.0.1'],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker');
  const worker = (await target.worker())!;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await worker.evaluate('globalThis.__name = (f) => f');
  const rows = [];
  for (const host of pages.keys()) {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
      const url = `http://${host}:${port}/?run=${run}`;
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const dcl = await page.evaluate(
        () => performance.timeOrigin + performance.getEntriesByType('navigation')[0].toJSON().domContentLoadedEventStart,
      );
      let badgeAt = 0;
      for (let i = 0; i < 500 && !badgeAt; i++) {
        const text = await worker.evaluate(async (u: string) => {
          type Chrome = {
            tabs: { query(q: object): Promise<{ url?: string; id?: number }[]> };
            action: { getBadgeText(details: { tabId?: number }): Promise<string> };
          };
          const c = (globalThis as unknown as { chrome: Chrome }).chrome;
          for (const tab of await c.tabs.query({})) if (tab.url === u) return c.action.getBadgeText({ tabId: tab.id });
          return '';
        }, url);
        if (text === '✗') badgeAt = Date.now();
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
      times.push(badgeAt - dcl);
      await page.close();
    }
    rows.push({ page: host, nodes: host.startsWith('small') ? 1_000 : 100_000, dclToBadgeMs: round(median(times), 0) });
  }
  await browser.close();
  server.close();
  return rows;
}

function sizes() {
  const size = (file: string) => {
    const code = readFileSync(join(BUILD, file));
    return { file, bytes: code.length, gzipBytes: gzipSync(code).length };
  };
  return [size('page-scan.js'), size('background.js')];
}

async function main() {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  const results = {
    measuredAt: new Date().toISOString(),
    scan: await scanCosts([1_000, 10_000, 100_000, 1_000_000]),
    badge: await badgeLatency(),
    cold: await coldCost(BUILD),
    sizes: sizes(),
    registry: await registryScale([
      { domains: 1_000, filings: 0 },
      { domains: 100_000, filings: 0 },
      { domains: 1_000_000, filings: 0 },
      { domains: 100_000, filings: 1_000_000 },
    ]),
    registryBuild: await registryBuildScale(),
  };
  writeFileSync(join(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nContent-script scan vs document.body.innerText + regex (median ms)');
  console.table(results.scan);
  console.log('\nDOMContentLoaded → badge set (median of 5)');
  console.table(results.badge);
  printColdCost(results.cold);
  console.log('\nBundle sizes');
  console.table(results.sizes);
  console.log('\nRegistry at scale, installed through an update in Chromium (parseWhole*: the alternative, in Node)');
  console.table(results.registry);
  console.log('\nregistry:build at national scale (a separate process; GNU time)');
  console.log(results.registryBuild);
  console.log('\nwrote bench-results.json');
}

void main();
