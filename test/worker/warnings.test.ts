import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundled from '../../data/registry.json';
import { RegistryIndex } from '../../core/registry/registry-index';
import { RegistrySchema } from '../../core/registry/schema';
import { computeVerdict } from '../../core/verdict/verdict';
import { LOOKUP_MENU_ID, lookupPageUrl, startContextMenu } from '../../worker/context-menu';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { translatorLoader } from '../../storage/load-translator';
import { startMessageRouter } from '../../worker/message-router';
import { SETTINGS } from '../../storage/storage-items';
import { siteOf, startWarnings } from '../../worker/warnings';

const index = new RegistryIndex(RegistrySchema.parse(bundled));
const executeScript = vi.fn(() => Promise.resolve([]));

function start() {
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string[]) => `${name}${subs ? `: ${subs.join(' | ')}` : ''}`) as never;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
  const warnings = startWarnings(fakeBrowser as never, translatorLoader(fakeBrowser as never));
  startMessageRouter(fakeBrowser as never, {
    content: { openDetails: warnings.openDetails, dismissWarning: warnings.dismissWarning },
    pages: {},
  });
  return warnings;
}
const verdict = (host: string, shown: string[]) => computeVerdict({ host, claimedLicenceNumbers: shown, index, today: '2026-06-01' });
const settings = async () => (await fakeBrowser.storage.local.get(SETTINGS.key))[SETTINGS.key] as typeof DEFAULT_SETTINGS | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  executeScript.mockClear();
});

describe('in-page warnings', () => {
  it('name the filing’s operator and the domains it covers when the number borrowed is an ICP filing', async () => {
    const warnings = start();
    const filed = new RegistryIndex({
      ...index.registry,
      filings: [
        {
          number: '京ICP备12025439',
          operator: '北京某某科技有限公司',
          nature: '企业',
          sites: [
            { number: '京ICP备12025439-1', name: '某某', domain: 'mou-mou.cn' },
            { number: '京ICP备12025439-2', name: '某某资讯', domain: 'moumou-news.cn' },
          ],
          date: '2024-01-01',
          sources: ['filings.jsonl'],
        },
      ],
    });
    const host = 'fake-moumou.com';
    const result = computeVerdict({
      host,
      claimedLicenceNumbers: [],
      claimedFilingNumbers: ['京ICP备12025439'],
      index: filed,
      today: '2026-06-01',
    });
    await warnings.onVerdict(4, host, result);
    expect(executeScript.mock.calls[0]).toMatchObject([
      {
        args: [
          { message: 'warning_message_filing: 京ICP备12025439 | 北京某某科技有限公司 | mou-mou.cn, moumou-news.cn | fake-moumou.com' },
        ],
      },
    ]);
    // Filed, not borrowed: no warning.
    await warnings.onVerdict(
      5,
      'mou-mou.cn',
      computeVerdict({ host: 'mou-mou.cn', claimedLicenceNumbers: [], index: filed, today: '2026-06-01' }),
    );
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('are injected into a mismatch tab only, saying whose number it is and where it applies', async () => {
    const warnings = start();
    await warnings.onVerdict(4, 'cheap-cars-deal.com', verdict('cheap-cars-deal.com', ['渝B2-20210467']));
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript.mock.calls[0]).toMatchObject([
      {
        target: { tabId: 4 },
        args: [
          {
            message:
              'warning_message: 渝B2-20210467 | 重庆万象优车科技有限公司 | maichetong.com.cn, autoengine.com, dongchedi.com … | cheap-cars-deal.com',
          },
        ],
      },
    ]);
    for (const [host, shown] of [
      ['maichetong.com.cn', ['渝B2-20210467']],
      ['plain-shop.cn', []],
      ['unknown.cn', ['粤B2-20090059']],
      ['x.cn', ['渝B2-20230001']],
    ] as const) {
      await warnings.onVerdict(5, host, verdict(host, [...shown]));
    }
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('are not injected when turned off, or for a dismissed site', async () => {
    const warnings = start();
    await fakeBrowser.storage.local.set({ [SETTINGS.key]: { ...DEFAULT_SETTINGS, warnings: false } });
    await warnings.onVerdict(4, 'cheap-cars-deal.com', verdict('cheap-cars-deal.com', ['渝B2-20210467']));
    await fakeBrowser.storage.local.set({ [SETTINGS.key]: { ...DEFAULT_SETTINGS, dismissedSites: ['cheap-cars-deal.com'] } });
    await warnings.onVerdict(4, 'www.cheap-cars-deal.com', verdict('www.cheap-cars-deal.com', ['渝B2-20210467']));
    expect(executeScript).not.toHaveBeenCalled();
    await warnings.onVerdict(4, 'other-fraud.com', verdict('other-fraud.com', ['渝B2-20210467']));
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('remember a dismissal by registrable domain, from the warning in a tab only', async () => {
    start();
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    await trigger({ type: 'dismissWarning' }, { id: 'someone-else', tab: { id: 4 }, url: 'https://m.cheap-cars-deal.com/' });
    await trigger({ type: 'dismissWarning' }, { id: fakeBrowser.runtime.id, url: 'https://m.cheap-cars-deal.com/' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await settings()).toBeUndefined();
    await trigger(
      { type: 'dismissWarning' },
      { id: fakeBrowser.runtime.id, tab: { id: 4, index: 0 }, frameId: 0, url: 'https://m.cheap-cars-deal.com/' },
    );
    await vi.waitFor(async () => expect((await settings())?.dismissedSites).toEqual(['cheap-cars-deal.com']));
  });

  it('name the site by its registrable domain', () => {
    expect(siteOf('m.shop.example.com.cn')).toBe('example.com.cn');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('look up licence from selected text', () => {
  it('opens the lookup for the selection, a spaced full-width number kept as typed', () => {
    const url = lookupPageUrl((path) => `chrome-extension://id${path}`, '  渝Ｂ２ －２０２１ ０４６７ ');
    expect(url).toBe(`chrome-extension://id/popup.html?q=${encodeURIComponent('渝Ｂ２ －２０２１ ０４６７')}`);
    expect(new URL(url).searchParams.get('q')).toBe('渝Ｂ２ －２０２１ ０４６７');
  });

  it('the menu handler opens that lookup in a new tab, and the guide on first install', async () => {
    const listeners: { clicked?: (info: object) => void; installed?: (details: object) => void } = {};
    const create = vi.fn();
    const tabsCreate = vi.fn(() => Promise.resolve());
    startContextMenu({
      contextMenus: { create, onClicked: { addListener: (l: never) => (listeners.clicked = l) } },
      runtime: {
        onInstalled: { addListener: (l: never) => (listeners.installed = l) },
        getURL: (p: string) => `chrome-extension://id${p}`,
      },
      i18n: { getMessage: (name: string) => name },
      tabs: { create: tabsCreate },
    } as never);
    listeners.installed!({ reason: 'install' });
    expect(create).toHaveBeenCalledWith({ id: LOOKUP_MENU_ID, title: 'context_lookup', contexts: ['selection'] }, expect.any(Function));
    expect(tabsCreate).toHaveBeenCalledWith({ url: 'chrome-extension://id/guide.html' });
    listeners.installed!({ reason: 'update' });
    expect(tabsCreate).toHaveBeenCalledTimes(1);

    listeners.clicked!({ menuItemId: LOOKUP_MENU_ID, selectionText: '渝Ｂ２ －２０２１ ０４６７' });
    expect(tabsCreate).toHaveBeenLastCalledWith({
      url: `chrome-extension://id/popup.html?q=${encodeURIComponent('渝Ｂ２ －２０２１ ０４６７')}`,
    });
    listeners.clicked!({ menuItemId: 'other', selectionText: 'x' });
    listeners.clicked!({ menuItemId: LOOKUP_MENU_ID, selectionText: '   ' });
    expect(tabsCreate).toHaveBeenCalledTimes(2);
  });
});
