import { render } from 'preact';
import { Guide } from '../../components/Guide';
import { localToday } from '../../core/dates';
import { loadTranslator } from '../../storage/load-translator';
import { readActiveRegistry } from '../../storage/read-active-registry';
import { readItem, SETTINGS } from '../../storage/storage-items';

async function main(): Promise<void> {
  const [settings, active] = await Promise.all([readItem(browser.storage, SETTINGS), readActiveRegistry(browser)]);
  const translator = await loadTranslator(browser, settings.language);
  document.documentElement.lang = translator.locale;
  document.title = translator.t('guide_title');
  render(
    <Guide
      registry={active.registry.info}
      today={localToday()}
      {...translator}
    />,
    document.getElementById('app') as HTMLElement,
  );
}

void main();
