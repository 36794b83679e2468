import bundled from '../../data/registry.json';
import endedLicences from '../registries/ended-licences.json';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { RegistryIndex } from '../../core/registry/registry-index';
import { memorySource, type RegistrySource } from '../../core/registry/registry-source';
import { RegistrySchema } from '../../core/registry/schema';
import { registryStoreOpener } from '../../storage/registry-store';
import { writeToStore } from '../storage/write-to-store';
import { withFilings } from '../registries/filings';
import { translatorFor, type LocaleMessages, type Translator } from '../../core/i18n';

export const index = new RegistryIndex(RegistrySchema.parse(bundled));
export const memoryRegistry = memorySource(index);

/** Licences a regulator revoked or cancelled, and operators on its lists (also used by the lookup CLI test). */
export const endedIndex = new RegistryIndex(RegistrySchema.parse(endedLicences));

/** The bundled licences with ICP filings beside them. */
export const filedIndex = new RegistryIndex(withFilings(index.registry));
export const filedMemoryRegistry = memorySource(filedIndex);

const stored = new Map<RegistryIndex, Promise<RegistrySource>>();

/** The same registry written to the indexed store (needs an IndexedDB, e.g. fake-indexeddb/auto). */
export function storedRegistry(of: RegistryIndex = index): Promise<RegistrySource> {
  let source = stored.get(of);
  if (!source) {
    source = (async () => {
      const openStore = registryStoreOpener();
      return (await openStore()).source(await writeToStore(openStore, of.registry, stored.size + 1));
    })();
    stored.set(of, source);
  }
  return source;
}

/** The real locale files, so tests read the strings a person reads. */
export function translator(locale: 'en' | 'zh_CN'): Translator {
  return locale === 'en' ? translatorFor(en as LocaleMessages, 'en-GB') : translatorFor(zhCN as LocaleMessages, 'zh-CN');
}
