import bundled from '../../data/registry.json';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { RegistryIndex } from '../../core/registry/registry-index';
import { RegistrySchema } from '../../core/registry/schema';
import { translatorFor, type LocaleMessages, type Translator } from '../../lib/i18n';

export const index = new RegistryIndex(RegistrySchema.parse(bundled));

/** The real locale files, so tests read the strings a person reads. */
export function translator(locale: 'en' | 'zh_CN'): Translator {
  return locale === 'en' ? translatorFor(en as LocaleMessages, 'en-GB') : translatorFor(zhCN as LocaleMessages, 'zh-CN');
}
