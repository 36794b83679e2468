import type { browser as extensionApi } from 'wxt/browser';
import { domainsOf } from '../core/registry/registry-index';
import { registrableDomain } from '../core/verdict/host-match';
import type { VerdictResult } from '../core/verdict/verdict';
import type { LoadTranslator } from '../storage/load-translator';
import { showMismatchWarning, type WarningView } from '../content/injected/mismatch-warning';
import { readItem, SETTINGS, writeItem } from '../storage/storage-items';
import type { ContentSender } from './message-router';

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
export function startWarnings(browser: ExtensionApi, loadTranslator: LoadTranslator) {
  const popupUrl = (tabId: number) => browser.runtime.getURL(`/popup.html?tabId=${tabId}` as never);

  return {
    /** The warning's details button: the popup's view of that tab, in a new tab beside it. */
    openDetails(_message: unknown, { tabId, tabIndex }: ContentSender): void {
      void browser.tabs.create({ url: popupUrl(tabId), index: tabIndex === undefined ? undefined : tabIndex + 1 });
    },

    /** The warning's dismiss button: no more warnings for that site. */
    async dismissWarning(_message: unknown, { host }: ContentSender): Promise<void> {
      const settings = await readItem(browser.storage, SETTINGS);
      const site = siteOf(host);
      if (settings.dismissedSites.includes(site)) return;
      await writeItem(browser.storage, SETTINGS, { ...settings, dismissedSites: [...settings.dismissedSites, site] });
    },

    async onVerdict(tabId: number, host: string, result: VerdictResult): Promise<void> {
      const borrowed = result.licence ?? result.filing;
      if (result.verdict !== 'mismatch' || !borrowed) return;
      const settings = await readItem(browser.storage, SETTINGS);
      if (!settings.warnings || settings.dismissedSites.includes(siteOf(host))) return;
      const { t, locale } = await loadTranslator(settings.language);
      const domains = [...domainsOf(borrowed)];
      const shown = domains.length > 3 ? `${domains.slice(0, 3).join(', ')} …` : domains.join(', ');
      // Whose number it is: the licence's holder, or the filing's operator.
      const message = result.licence
        ? t('warning_message', [result.licence.number, result.licence.holder, shown, host])
        : t('warning_message_filing', [borrowed.number, result.filing?.operator ?? '', shown, host]);
      const view: WarningView = {
        message,
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
