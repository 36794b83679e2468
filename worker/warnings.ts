import type { browser as extensionApi } from 'wxt/browser';
import { WarningMessageSchema } from '../core/messages';
import { registrableDomain } from '../core/verdict/host-match';
import type { VerdictResult } from '../core/verdict/verdict';
import { loadTranslator } from '../storage/load-translator';
import { showMismatchWarning, type WarningView } from '../content/injected/mismatch-warning';
import { readItem, SETTINGS, writeItem } from '../storage/storage-items';
import { webHost } from '../core/tab/tab-state';

type ExtensionApi = typeof extensionApi;

/** The site a dismissal covers: the registrable domain, so www. and m. go together. */
export function siteOf(host: string): string {
  return registrableDomain(host) ?? host;
}

/**
 * The in-page warning for `mismatch`: injected from here into that tab only, in the reader's language
 * setting, unless the reader turned warnings off or dismissed them for the site. Also answers the
 * warning's two buttons.
 */
export function startWarnings(browser: ExtensionApi) {
  const popupUrl = (tabId: number) => browser.runtime.getURL(`/popup.html?tabId=${tabId}` as never);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    const host = sender.url ? webHost(sender.url) : null;
    if (sender.id !== browser.runtime.id || tabId === undefined || tabId < 0 || !host) return undefined;
    const parsed = WarningMessageSchema.safeParse(message);
    if (!parsed.success) return undefined;
    if (parsed.data.type === 'openDetails') {
      void browser.tabs.create({ url: popupUrl(tabId), index: sender.tab?.index === undefined ? undefined : sender.tab.index + 1 });
    } else {
      void readItem(browser.storage, SETTINGS).then((settings) => {
        const site = siteOf(host);
        if (settings.dismissedSites.includes(site)) return;
        return writeItem(browser.storage, SETTINGS, { ...settings, dismissedSites: [...settings.dismissedSites, site] });
      });
    }
    return undefined;
  });

  return {
    async onVerdict(tabId: number, host: string, result: VerdictResult): Promise<void> {
      if (result.verdict !== 'mismatch' || !result.licence) return;
      const settings = await readItem(browser.storage, SETTINGS);
      if (!settings.warnings || settings.dismissedSites.includes(siteOf(host))) return;
      const { t, locale } = await loadTranslator(browser, settings.language);
      const domains = [...new Set(result.licence.sites.map((s) => s.domain))];
      const shown = domains.length > 3 ? `${domains.slice(0, 3).join(', ')} …` : domains.join(', ');
      const view: WarningView = {
        message: t('warning_message', [result.licence.number, result.licence.holder, shown, host]),
        detailsLabel: t('warning_details'),
        dismissLabel: t('warning_dismiss'),
        closeLabel: t('warning_close'),
        lang: locale,
      };
      try {
        await browser.scripting.executeScript({ target: { tabId }, func: showMismatchWarning, args: [view] });
      } catch {
        // The tab navigated away or cannot take scripts (a browser page); the badge still says it.
      }
    },
  };
}
