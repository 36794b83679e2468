import trustedKeys from '#trusted-keys';
import { render } from 'preact';
import { showLoading } from '../../components/Loading';
import { OptionsPage } from '../../components/OptionsPage';
import type { PageMessage, UpdateReply } from '../../core/messages';
import { keyIdOf } from '../../core/update/key-id';
import { importPublicKey } from '../../core/update/signature';
import { bundledRegistry } from '../../storage/bundled-registry';
import { translatorLoader } from '../../storage/load-translator';
import { managedUpdateUrls } from '../../storage/managed-urls';
import { readActiveRegistry } from '../../storage/read-active-registry';
import { registryStoreOpener } from '../../storage/registry-store';
import { SettingsSchema, type Settings } from '../../core/settings';
import { readItem, SETTINGS, UPDATE_STATUS, writeItem } from '../../storage/storage-items';

const bundled = bundledRegistry();
const openStore = registryStoreOpener();
const loadTranslator = translatorLoader(browser);

const send = (message: PageMessage) => browser.runtime.sendMessage(message) as Promise<UpdateReply>;

async function show(): Promise<void> {
  const [settings, status, active, managed] = await Promise.all([
    readItem(browser.storage, SETTINGS),
    readItem(browser.storage, UPDATE_STATUS),
    readActiveRegistry(browser, bundled, openStore),
    managedUpdateUrls(browser),
  ]);
  const translator = await loadTranslator(settings.language);
  document.documentElement.lang = translator.locale;
  document.title = translator.t('options_title');
  const { info } = active.registry;
  render(
    <OptionsPage
      registry={{
        origin: active.origin,
        source: active.source,
        ...info,
      }}
      status={status}
      settings={settings}
      managedUrls={managed}
      bundledKeys={trustedKeys}
      save={(next: Settings) => writeItem(browser.storage, SETTINGS, SettingsSchema.parse(next))}
      checkNow={() => send({ type: 'checkUpdates' })}
      importRegistry={async (file, signature) =>
        send({
          type: 'importRegistry',
          staged: await (await openStore()).stageImport(await file.arrayBuffer()),
          signature: await signature.text(),
        })
      }
      parseKey={async (name, pem) => {
        const id = await keyIdOf(crypto.subtle, pem);
        return id && (await importPublicKey(crypto.subtle, pem)) ? { id, name, spkiPem: pem.trim() } : null;
      }}
      {...translator}
    />,
    document.getElementById('app') as HTMLElement,
  );
}

showLoading(document.getElementById('app') as HTMLElement, browser.i18n.getMessage('options_title'), browser.i18n.getUILanguage());
void show();
// Settings, the active registry and the update status all live in local storage; the page follows them.
browser.storage.onChanged.addListener((_, area) => {
  if (area === 'local') void show();
});
