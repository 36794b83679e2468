import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundled from '../../data/registry.json';
import endedLicences from '../registries/ended-licences.json';
import { RegistryIndex } from '../../core/registry/registry-index';
import { memorySource } from '../../core/registry/registry-source';
import { RegistrySchema } from '../../core/registry/schema';
import { translatorLoader } from '../../storage/load-translator';
import { TAB_STATES } from '../../storage/storage-items';
import { startDetection } from '../../worker/detection';
import { startMessageRouter } from '../../worker/message-router';

const index = new RegistryIndex(RegistrySchema.parse(bundled));
const TAB = 7;
/** The tab states as stored, unchecked: tests look at exactly what the worker wrote. */
const storedTabs = async () => (await fakeBrowser.storage.session.get(TAB_STATES.key))[TAB_STATES.key];

function start(today = '2026-06-01', registry = index) {
  // The fake has no i18n; a message name with its substitutions is enough to check the tooltip.
  fakeBrowser.i18n.getMessage = ((name: string, subs: string[]) => `${name}: ${subs.join(' | ')}`) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  const detection = startDetection({
    browser: fakeBrowser as never,
    registry: () => memorySource(registry),
    loadTranslator: translatorLoader(fakeBrowser as never),
    today: () => today,
  });
  startMessageRouter(fakeBrowser as never, { content: { findings: detection.onFindings }, pages: {} });
  return detection;
}

const sender = (url: string, frameId = 0, extra: object = {}) => ({ id: fakeBrowser.runtime.id, tab: { id: TAB }, frameId, url, ...extra });
const findings = (...canonicals: string[]) => ({
  type: 'findings',
  findings: canonicals.map((canonical) => ({ kind: 'licence', canonical, context: `ICP证：${canonical}`, role: 'claim' as const })),
});

async function badge(tabId = TAB) {
  const color = await fakeBrowser.action.getBadgeBackgroundColor({ tabId });
  const hex = `#${color
    .slice(0, 3)
    .map((c: number) => c.toString(16).padStart(2, '0'))
    .join('')}`;
  return { text: await fakeBrowser.action.getBadgeText({ tabId }), color: hex, title: await fakeBrowser.action.getTitle({ tabId }) };
}

async function commit(detection: { idle: () => Promise<void> }, url: string, frameId = 0) {
  await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: TAB, frameId, url } as never);
  await detection.idle();
}

async function report(detection: { idle: () => Promise<void> }, message: unknown, from: object) {
  await fakeBrowser.runtime.onMessage.trigger(message, from as never);
  await detection.idle();
}

// The fake's reset leaves webNavigation listeners in place; a worker from an earlier test must not answer.
function resetBrowser() {
  fakeBrowser.reset();
  for (const event of Object.values(fakeBrowser.webNavigation)) (event as { removeAllListeners?: () => void }).removeAllListeners?.();
}

beforeEach(resetBrowser);

describe('badge per tab', () => {
  it('shows a listed host green on commit, before any finding', async () => {
    const d = start();
    await commit(d, 'https://m.maichetong.com.cn/cars');
    expect(await badge()).toEqual({
      text: '✓',
      color: '#16a34a',
      title: 'badge_listed: m.maichetong.com.cn | 渝B2-20210467 | 重庆万象优车科技有限公司 | 2026-10-20',
    });
  });

  it('shows a borrowed number red once the content script reports it', async () => {
    const d = start();
    await commit(d, 'https://fraud-shop.test/');
    expect((await badge()).text).toBe('');
    await report(d, findings('渝B2-20210467'), sender('https://fraud-shop.test/'));
    expect(await badge()).toEqual({
      text: '✗',
      color: '#dc2626',
      title: 'badge_mismatch: fraud-shop.test | 渝B2-20210467 | 重庆万象优车科技有限公司 | 2026-10-20',
    });
  });

  it('takes what frames of the same site claim together with the top frame', async () => {
    const d = start();
    await commit(d, 'https://www.shop.example.cn/');
    await report(d, findings(), sender('https://www.shop.example.cn/'));
    await report(d, findings('渝B2-20230001'), sender('https://static.shop.example.cn/footer', 3));
    expect(await badge()).toMatchObject({ text: '?', color: '#2563eb' });
    await commit(d, 'https://static.shop.example.cn/other', 3);
    expect((await badge()).text).toBe('');
  });

  it('takes a frame from another site as speaking for that site only', async () => {
    const d = start();
    await commit(d, 'https://travel-blog.example.cn/');
    await report(d, findings(), sender('https://travel-blog.example.cn/'));
    await report(d, findings('渝B2-20210467'), sender('https://maichetong.com.cn/widget', 4));
    expect(await badge()).toMatchObject({ text: '', title: 'badge_unlisted: travel-blog.example.cn |  |  | ' });
    // The same number claimed by the top frame itself is the site's claim.
    await report(d, findings('渝B2-20210467'), sender('https://travel-blog.example.cn/'));
    expect(await badge()).toMatchObject({ text: '✗', color: '#dc2626' });
  });

  it('takes no verdict from numbers the page only mentions', async () => {
    const d = start();
    await commit(d, 'https://news.example.cn/article');
    const mentioned = {
      type: 'findings',
      findings: [{ kind: 'licence', canonical: '渝B2-20210467', context: '…已到期', role: 'mention' }],
    };
    await report(d, mentioned, sender('https://news.example.cn/article'));
    expect(await badge()).toMatchObject({ text: '', title: 'badge_unlisted: news.example.cn |  |  | ' });
    const tabs = (await storedTabs()) as Record<number, { frames: Record<number, unknown> }>;
    expect(tabs[TAB].frames[0]).toEqual({
      url: 'https://news.example.cn/article',
      findings: mentioned.findings,
    });
  });

  it('forgets the old page on navigation and follows history-API route changes', async () => {
    const d = start();
    await commit(d, 'https://fraud-shop.test/');
    await report(d, findings('渝B2-20210467'), sender('https://fraud-shop.test/'));
    await commit(d, 'https://etaoche.cn/');
    expect(await badge()).toMatchObject({ text: '!', color: '#ea580c' });
    await fakeBrowser.webNavigation.onHistoryStateUpdated.trigger({ tabId: TAB, frameId: 0, url: 'https://etaoche.cn/list' } as never);
    await d.idle();
    expect((await badge()).title).toContain('badge_expired: etaoche.cn');
  });

  it('shows a revoked licence dark red, its tooltip saying when, by whom and why', async () => {
    const d = start('2026-11-22', new RegistryIndex(RegistrySchema.parse(endedLicences)));
    await commit(d, 'https://www.sugou-shop.cn/');
    expect(await badge()).toEqual({
      text: '!',
      color: '#b91c1c',
      title:
        'badge_revoked: www.sugou-shop.cn | 粤B2-20180001 | 深圳市示例速购科技有限公司 | 2028-05-10 | with_reason: end_revoked: 2025-03-01 | 广东省通信管理局 | 以欺骗手段取得许可',
    });
  });

  it('shows no badge on pages that are not web pages', async () => {
    const d = start();
    await commit(d, 'chrome://newtab/');
    expect(await badge()).toMatchObject({ text: '' });
  });

  it('forgets closed tabs', async () => {
    const d = start();
    await commit(d, 'https://etaoche.cn/');
    expect(Object.keys((await storedTabs()) as object)).toEqual([String(TAB)]);
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    await d.idle();
    expect(await storedTabs()).toEqual({});
  });
});

describe('service-worker restart', () => {
  it("keeps a tab's findings, so a later report from another frame still gives the right verdict", async () => {
    const first = start();
    await commit(first, 'https://fraud-shop.test/');
    await report(first, findings('渝B2-20210467'), sender('https://fraud-shop.test/'));
    const session = await fakeBrowser.storage.session.get(null);

    // A new worker: listeners, memory and badges gone, session storage kept.
    resetBrowser();
    await fakeBrowser.storage.session.set(session);
    const second = start();
    await report(second, findings(), sender('https://ads.example.net/', 5));
    expect(await badge()).toMatchObject({ text: '✗', color: '#dc2626' });
  });

  it('starts empty when what is stored fails its schema', async () => {
    await fakeBrowser.storage.session.set({ [TAB_STATES.key]: { 7: { url: 42 } } });
    const d = start();
    await report(d, findings('渝B2-20210467'), sender('https://ads.example.net/', 5));
    expect(await badge()).toMatchObject({ text: '' });
    await commit(d, 'https://etaoche.cn/');
    expect(await storedTabs()).toEqual({ [TAB]: { url: 'https://etaoche.cn/', frames: {} } });
  });

  it("takes a tab it has not seen from its top frame's report", async () => {
    const d = start();
    await report(d, findings('渝B2-20210467'), sender('https://fraud-shop.test/'));
    expect(await badge()).toMatchObject({ text: '✗' });
  });
});

describe('messages that are dropped without effect', () => {
  const fraudUrl = 'https://fraud-shop.test/';
  it.each([
    ['an unknown type', { type: 'setVerdict', verdict: 'listed' }, sender(fraudUrl)],
    [
      'a number not in canonical form',
      { type: 'findings', findings: [{ kind: 'licence', canonical: '渝b2 20210467', context: '', role: 'claim' as const }] },
      sender(fraudUrl),
    ],
    [
      'a filing passed off as a licence',
      { type: 'findings', findings: [{ kind: 'licence', canonical: '京ICP备10046444', context: '', role: 'claim' as const }] },
      sender(fraudUrl),
    ],
    [
      'too many findings',
      { type: 'findings', findings: Array(51).fill({ kind: 'licence', canonical: '渝B2-20210467', context: '', role: 'claim' as const }) },
      sender(fraudUrl),
    ],
    ['a string', 'findings', sender(fraudUrl)],
    ['another extension', findings('渝B2-20210467'), sender(fraudUrl, 0, { id: 'someone-else' })],
    ['a sender without a tab', findings('渝B2-20210467'), { id: fakeBrowser.runtime.id, url: fraudUrl }],
    ['an extension page in a tab', findings('渝B2-20210467'), sender('chrome-extension://abc/popup.html')],
  ])('%s', async (_, message, from) => {
    const d = start();
    await commit(d, fraudUrl);
    await report(d, message, from);
    expect(await badge()).toMatchObject({ text: '' });
    expect(await storedTabs()).toEqual({ [TAB]: { url: fraudUrl, frames: {} } });
  });

  it('a late report from the page the tab navigated away from', async () => {
    const d = start();
    await commit(d, 'https://etaoche.cn/');
    await report(d, findings('渝B2-20210467'), sender('https://fraud-shop.test/', 0));
    expect(await badge()).toMatchObject({ text: '!', color: '#ea580c' });
  });
});
