import { render } from 'preact';
import { showLoading } from '../../components/Loading';
import { Popup, type TabView } from '../../components/Popup';
import { localToday } from '../../core/dates';
import { NO_KEYS, type RegistrySource } from '../../core/registry/registry-source';
import { bundledRegistry } from '../../storage/bundled-registry';
import { translatorLoader } from '../../storage/load-translator';
import { readActiveRegistry } from '../../storage/read-active-registry';
import { registryStoreOpener } from '../../storage/registry-store';
import { readItem, SETTINGS, STORED_REGISTRY, TAB_STATES } from '../../storage/storage-items';
import { tabFindings } from '../../core/tab/tab-state';
import { tabVerdict } from '../../core/tab/tab-verdict';

const bundled = bundledRegistry();
const openStore = registryStoreOpener();
const loadTranslator = translatorLoader(browser);

/** `popup.html?tabId=N` shows tab N (tests open it in a tab); without it, the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const requested = new URLSearchParams(location.search).get('tabId');
  if (requested !== null && /^\d+$/.test(requested)) return Number(requested);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function tabView(tabId: number | undefined, registry: RegistrySource, today: string): Promise<TabView | null> {
  if (tabId === undefined) return null;
  const state = (await readItem(browser.storage, TAB_STATES))[tabId];
  const verdict = await tabVerdict(state, registry, today);
  if (!verdict || !state) return null;
  const findings = tabFindings(state);
  const shown = (kind: string) => [...new Set(findings.filter((f) => f.kind === kind).map((f) => f.canonical))];
  const [numbers, filings] = [shown('licence'), shown('icp-filing')];
  const held = await registry.select({ ...NO_KEYS, numbers, filings });
  return { ...verdict, findings, registered: [...numbers.filter((n) => held.licence(n)), ...filings.filter((n) => held.filing(n))] };
}

async function main(): Promise<void> {
  const [translator, tabId] = await Promise.all([
    readItem(browser.storage, SETTINGS).then((settings) => loadTranslator(settings.language)),
    targetTabId(),
  ]);
  document.documentElement.lang = translator.locale;
  document.title = translator.t('popup_title');
  let active = await readActiveRegistry(browser, bundled, openStore);
  const show = async () => {
    const today = localToday();
    const { registry } = active;
    render(
      <Popup
        tab={await tabView(tabId, registry, today)}
        registry={registry}
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
  // The registry in force changes rarely (its record in local storage); the tab's findings often (session).
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && STORED_REGISTRY.key in changes) {
      void readActiveRegistry(browser, bundled, openStore).then((next) => {
        active = next;
        return show();
      });
    }
    if (area === 'session') void show();
  });
}

showLoading(document.getElementById('app') as HTMLElement, browser.i18n.getMessage('popup_title'), browser.i18n.getUILanguage());
void main();
