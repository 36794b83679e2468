import type { browser as extensionApi } from 'wxt/browser';

type ExtensionApi = typeof extensionApi;

export const LOOKUP_MENU_ID = 'lookup-selection';
const MAX_QUERY = 200;

/** The extension page that looks up `selection`: the popup's detail view, opened in a tab. */
export function lookupPageUrl(getURL: (path: string) => string, selection: string): string {
  return getURL(`/popup.html?q=${encodeURIComponent(selection.trim().slice(0, MAX_QUERY))}`);
}

/** "Look up licence" on selected text; on first install, the guide. */
export function startContextMenu(browser: ExtensionApi): void {
  const menus = browser.contextMenus;
  browser.runtime.onInstalled.addListener(({ reason }) => {
    menus.create(
      { id: LOOKUP_MENU_ID, title: browser.i18n.getMessage('context_lookup'), contexts: ['selection'] },
      () => void browser.runtime.lastError,
    );
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/guide.html' as never) });
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText?.trim()) return;
    void browser.tabs.create({ url: lookupPageUrl((path) => browser.runtime.getURL(path as never), info.selectionText) });
  });
}
