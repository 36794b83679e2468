import type { browser as extensionApi } from 'wxt/browser';
import { localeTag, translatorFor, type LocaleMessages, type Translator } from '../core/i18n';
import type { Settings } from '../core/settings';

type ExtensionApi = typeof extensionApi;

const loaded = new Map<string, Promise<Translator>>();

/**
 * The translator for the reader's language setting: the browser's own i18n, or a chosen locale file (read
 * once per page or worker).
 */
export function loadTranslator(browser: ExtensionApi, language: Settings['language']): Promise<Translator> {
  if (language === 'auto') return Promise.resolve(browserTranslator(browser));
  let translator = loaded.get(language);
  if (!translator) {
    translator = fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as never))
      .then((response) => response.json())
      .then((messages) => translatorFor(messages as LocaleMessages, localeTag(language)))
      .catch((error: unknown) => {
        loaded.delete(language);
        throw error;
      });
    loaded.set(language, translator);
  }
  return translator;
}

function browserTranslator(browser: ExtensionApi): Translator {
  return {
    t: (key, substitutions) => browser.i18n.getMessage(key as never, substitutions?.map(String)) || key,
    locale: browser.i18n.getUILanguage(),
  };
}
