import { render } from 'preact';
import { showLoading } from '../../components/Loading';
import { Guide } from '../../components/Guide';
import { localToday } from '../../core/dates';
import { bundledRegistry } from '../../storage/bundled-registry';
import { translatorLoader } from '../../storage/load-translator';
import { readActiveRegistry } from '../../storage/read-active-registry';
import { registryStoreOpener } from '../../storage/registry-store';
import { readItem, SETTINGS } from '../../storage/storage-items';

const bundled = bundledRegistry();
const openStore = registryStoreOpener();
const loadTranslator = translatorLoader(browser);

async function main(): Promise<void> {
  const [settings, active] = await Promise.all([readItem(browser.storage, SETTINGS), readActiveRegistry(browser, bundled, openStore)]);
  const translator = await loadTranslator(settings.language);
  document.documentElement.lang = translator.locale;
  document.title = translator.t('guide_title');
  render(<Guide registry={active.registry.info} today={localToday()} {...translator} />, document.getElementById('app') as HTMLElement);
}

showLoading(document.getElementById('app') as HTMLElement, browser.i18n.getMessage('guide_title'), browser.i18n.getUILanguage());
void main();
