import { render } from 'preact';
import { Popup, type TabView } from '../../components/Popup';
import { localToday } from '../../core/dates';
import { readActiveRegistry } from '../../lib/read-active-registry';
import { loadTranslator } from '../../lib/load-translator';
import { readItem, SETTINGS, TAB_STATES } from '../../lib/storage-items';
import { tabFindings } from '../../lib/tab-state';
import { tabVerdict } from '../../lib/tab-verdict';
import type { RegistryIndex } from '../../core/registry/registry-index';

/** `popup.html?tabId=N` shows tab N (tests open it in a tab); without it, the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const requested = new URLSearchParams(location.search).get('tabId');
  if (requested !== null && /^\d+$/.test(requested)) return Number(requested);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function tabView(tabId: number | undefined, index: RegistryIndex, today: string): Promise<TabView | null> {
  if (tabId === undefined) return null;
  const state = (await readItem(browser.storage, TAB_STATES))[tabId];
  const verdict = tabVerdict(state, index, today);
  return verdict && state ? { ...verdict, findings: tabFindings(state) } : null;
}

async function main(): Promise<void> {
  const [translator, tabId] = await Promise.all([
    readItem(browser.storage, SETTINGS).then((settings) => loadTranslator(browser, settings.language)),
    targetTabId(),
  ]);
  document.documentElement.lang = translator.locale;
  document.title = translator.t('popup_title');
  // The registry changes rarely (local storage); the tab's findings often (session storage).
  let active = await readActiveRegistry(browser);
  const show = async () => {
    const today = localToday();
    const { index } = active;
    render(
      <Popup
        tab={await tabView(tabId, index, today)}
        index={index}
        today={today}
        copy={(text) => navigator.clipboard.writeText(text)}
        openOptions={() => void browser.runtime.openOptionsPage()}
        openGuide={() => void browser.tabs.create({ url: browser.runtime.getURL('/guide.html') })}
        initialQuery={new URLSearchParams(location.search).get('q') ?? undefined}
        {...translator}
      />,
      document.getElementById('app') as HTMLElement,
    );
  };
  await show();
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'local') void readActiveRegistry(browser).then((next) => {
      active = next;
      return show();
    });
    if (area === 'session') void show();
  });
}

void main();
