import type { browser as extensionApi } from 'wxt/browser';
import { localeTag, translatorFor, type LocaleMessages, type Translator } from './i18n';
import type { Settings } from './settings';

type ExtensionApi = typeof extensionApi;

/** The translator for the reader's language setting: the browser's own i18n, or a chosen locale file. */
export async function loadTranslator(browser: ExtensionApi, language: Settings['language']): Promise<Translator> {
  if (language === 'auto') {
    return {
      t: (key, substitutions) => browser.i18n.getMessage(key as never, substitutions?.map(String)) || key,
      locale: browser.i18n.getUILanguage(),
    };
  }
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as never));
  return translatorFor((await response.json()) as LocaleMessages, localeTag(language));
}
