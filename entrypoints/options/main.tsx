import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { bundledRegistry } from '../../lib/bundled-registry';
import { loadTranslator } from '../../lib/load-translator';
import { SettingsSchema, type Settings } from '../../lib/settings';
import { readItem, SETTINGS, writeItem } from '../../lib/storage-items';

const index = bundledRegistry();
const registry = {
  origin: 'bundled' as const,
  version: index.registry.version,
  generatedAt: index.registry.generatedAt,
  licences: index.registry.licences.length,
  domains: index.domainCount(),
};

async function show(settings: Settings): Promise<void> {
  const translator = await loadTranslator(browser, settings.language);
  document.documentElement.lang = translator.locale;
  document.title = translator.t('options_title');
  const save = async (next: Settings) => {
    await writeItem(browser.storage, SETTINGS, SettingsSchema.parse(next));
    await show(next);
  };
  render(<OptionsPage registry={registry} settings={settings} save={save} {...translator} />, document.getElementById('app') as HTMLElement);
}

void readItem(browser.storage, SETTINGS).then(show);
