import type { Browser } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { RegistrySchema } from '../../core/registry/schema';
import { TAB_STATES } from '../../storage/storage-items';
import { CORPUS } from '../corpus/corpus';
import { openSite, readBadge, saveScreenshot, startChromiumSession, tabIdOf, type ExtensionWorker } from './chromium';
import { checkCorpusPage } from './corpus-check';
import { CORPUS_SITES } from './corpus-sites';
import { expectedVerdict } from './expected-verdict';
import { framesReported } from './in-extension';
import { E2E_REGISTRY } from './paths';

const registry = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
let session: Awaited<ReturnType<typeof startChromiumSession>>;
let browser: Browser;
let worker: ExtensionWorker;
let extensionId: string;

beforeAll(async () => {
  session = await startChromiumSession();
  ({ browser, worker, extensionId } = session);
}, 60_000);

afterAll(() => session?.close());

const visited = CORPUS_SITES.filter((s) => CORPUS.some((p) => p.host === s.host && !p.embeddedOnly));

describe('the page corpus in real Chromium: the badge, and the warning only on fraud pages', () => {
  it.each(visited.map((s) => [s.name, s] as const))('%s', async (_, site) => {
    const url = session.sites.url(site.host);
    const page = await openSite(browser, url);
    const tabId = await tabIdOf(worker, url);
    const verdict = expectedVerdict(site, registry);
    await checkCorpusPage(page, verdict, {
      badge: () => readBadge(worker, tabId),
      frames: () => worker.evaluate(framesReported, tabId, TAB_STATES.key),
    });
    await saveScreenshot(page, `corpus-chromium-${site.host}.png`);
    const popup = await browser.newPage();
    await popup.setViewport({ width: 440, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector(`h1[data-verdict="${verdict}"]`, { timeout: 5_000 });
    await saveScreenshot(popup, `corpus-chromium-popup-${site.host}.png`, true);
    await popup.close();
    await page.close();
  });
});
