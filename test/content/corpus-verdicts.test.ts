// @vitest-environment happy-dom
// The realistic page corpus through the same scanner and verdict code as the extension, without a browser:
// quick to run while working on the rules. The end-to-end tests assert the badge for the same pages in
// Chromium and Firefox, including the pages whose DOM is made by their own scripts (happy-dom runs none).
import { describe, expect, it } from 'vitest';
import { localToday } from '../../core/dates';
import { scanPage } from '../../core/page/scan-page';
import { RegistryIndex } from '../../core/registry/registry-index';
import { memorySource } from '../../core/registry/registry-source';
import { tabVerdict } from '../../core/tab/tab-verdict';
import type { FrameFindings, TabState } from '../../core/tab/tab-state';
import { CORPUS } from '../corpus/corpus';
import { CORPUS_SITES, ORIGIN_PLACEHOLDER } from '../e2e/corpus-sites';
import { expectedVerdict } from '../e2e/expected-verdict';
import { e2eRegistry } from '../e2e/fixture-registry';

const today = localToday();
const registry = e2eRegistry(today);
const source = memorySource(new RegistryIndex(registry));
const siteAt = (host: string) => CORPUS_SITES.find((s) => s.host === host);

/** The page as happy-dom parses it; frames point nowhere, so it fetches nothing. */
function parse(host: string): Document {
  const site = siteAt(host);
  if (!site) throw new Error(`no corpus page is served as ${host}`);
  return new DOMParser().parseFromString(site.html.replace(ORIGIN_PLACEHOLDER, 'about:blank'), 'text/html');
}

function frameFindings(host: string): FrameFindings {
  return { url: `http://${host}/`, findings: scanPage(parse(host)) };
}

/** Whether walking the page's text nodes backwards meets the same nodes as walking forwards. */
function walksAgree(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const forwards: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) forwards.push(n);
  const backwards: Node[] = [];
  for (let n: Node | null = forwards[forwards.length - 1]; n; n = walker.previousNode()) backwards.push(n);
  return backwards.length === forwards.length && backwards.every((n, i) => n === forwards[forwards.length - 1 - i]);
}

// happy-dom's TreeWalker.previousNode loses text nodes in some tables (here most of a Discuz thread's
// row-spanning cells), so on this page its backwards walk reaches the page's start and reads the title bar
// as the page's end; real browsers do not, and the end-to-end tests check the page there.
const MISREAD_BY_HAPPY_DOM = ['bbs.chezhu-luntan.cn'];

/** The tab state the extension would keep for the page: its own findings and those of the frames it embeds. */
function tabState(host: string): TabState {
  const frames: Record<string, FrameFindings> = { 0: frameFindings(host) };
  const embedded = [...siteAt(host)!.html.matchAll(ORIGIN_PLACEHOLDER)].map((m) => m[1]);
  for (const [i, frameHost] of embedded.entries()) frames[i + 1] = frameFindings(frameHost);
  return { url: `http://${host}/`, frames };
}

const scripted = (html: string) => /<script\b/i.test(html);
const visited = CORPUS.filter((p) => !p.embeddedOnly);
const staticPages = CORPUS_SITES.filter(
  (s) => visited.some((p) => p.host === s.host) && !scripted(s.html) && !MISREAD_BY_HAPPY_DOM.includes(s.host),
);

describe('the page corpus', () => {
  it('has at least 30 pages to visit, every verdict of the contract, and fraud pages of several styles', () => {
    expect(visited.length).toBeGreaterThanOrEqual(30);
    const verdicts = new Set(CORPUS_SITES.filter((s) => visited.some((p) => p.host === s.host)).map((s) => expectedVerdict(s, registry)));
    expect([...verdicts].sort()).toEqual([
      'claimed',
      'expired',
      'expiring',
      'filed',
      'listed',
      'mismatch',
      'revoked',
      'unknown',
      'unlisted',
    ]);
    expect(CORPUS_SITES.filter((s) => expectedVerdict(s, registry) === 'mismatch').length).toBeGreaterThanOrEqual(8);
  });

  it('leaves out a page only while happy-dom still walks it wrongly', () => {
    for (const host of MISREAD_BY_HAPPY_DOM) expect(walksAgree(parse(host)), host).toBe(false);
  });

  it.each(staticPages.map((s) => [s.name, s] as const))('%s', async (_, site) => {
    const verdict = await tabVerdict(tabState(site.host), source, today);
    expect(verdict?.result.verdict).toBe(expectedVerdict(site, registry));
  });
});
