import type { browser as extensionApi } from 'wxt/browser';
import { localeTag, translatorFor, type LocaleMessages, type Translator } from '../core/i18n';
import type { Settings } from '../core/settings';

type ExtensionApi = typeof extensionApi;

/** The translator for a language setting: the browser's own i18n, or a chosen locale file. */
export type LoadTranslator = (language: Settings['language']) => Promise<Translator>;

/** A translator loader that reads each chosen locale file once (per page, or per worker). */
export function translatorLoader(browser: ExtensionApi): LoadTranslator {
  const loaded = new Map<string, Promise<Translator>>();
  return (language) => {
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
  };
}

function browserTranslator(browser: ExtensionApi): Translator {
  return {
    t: (key, substitutions) => browser.i18n.getMessage(key as never, substitutions?.map(String)) || key,
    locale: browser.i18n.getUILanguage(),
  };
}
