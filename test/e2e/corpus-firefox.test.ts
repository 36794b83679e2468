import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { RegistrySchema } from '../../core/registry/schema';
import { TAB_STATES } from '../../storage/storage-items';
import { CORPUS } from '../corpus/corpus';
import { checkCorpusPage } from './corpus-check';
import { CORPUS_SITES } from './corpus-sites';
import { expectedVerdict } from './expected-verdict';
import { readBadge, startFirefoxSession, tabIdOf } from './firefox';
import { framesReported } from './in-extension';
import { E2E_REGISTRY, SCREENSHOTS } from './paths';

const registry = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
let session: Awaited<ReturnType<typeof startFirefoxSession>>;
let browser: Browser;
let extension: Page;

beforeAll(async () => {
  session = await startFirefoxSession();
  ({ browser, extension } = session);
}, 90_000);

afterAll(() => session?.close());

const subset = CORPUS_SITES.filter((s) => CORPUS.some((p) => p.host === s.host && p.firefox && !p.embeddedOnly));

describe('a representative part of the page corpus in real Firefox ESR', () => {
  it.each(subset.map((s) => [s.name, s] as const))('%s', async (_, site) => {
    const url = session.sites.url(site.host);
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(extension, url);
    await checkCorpusPage(page, expectedVerdict(site, registry), {
      badge: () => readBadge(extension, tabId),
      frames: () => extension.evaluate(framesReported, tabId, TAB_STATES.key),
    });
    await page.screenshot({ path: join(SCREENSHOTS, `corpus-firefox-${site.host}.png`) });
    await page.close();
  });
});
