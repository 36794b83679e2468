// Strings come from the extension's locale files. By default the browser picks the locale; a reader can
// choose one in the options page, in which case that locale's file is read and substituted here the
// way the browser would.
export type Translate = (key: string, substitutions?: (string | number)[]) => string;

export type LocaleMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export interface Translator {
  t: Translate;
  /** BCP 47 tag for dates and numbers, and for the page's lang attribute. */
  locale: string;
}

/** Substitutes `$NAME$` placeholders (whose content is `$1`…) as the browser's i18n API does. */
export function translatorFor(messages: LocaleMessages, locale: string): Translator {
  const t: Translate = (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return key;
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      const index = content ? Number(/^\$(\d)$/.exec(content)?.[1]) : NaN;
      return Number.isInteger(index) ? String(substitutions[index - 1] ?? '') : (content ?? whole);
    });
  };
  return { t, locale };
}

/** The locale file's language as a BCP 47 tag: zh_CN → zh-CN. */
export function localeTag(localeFolder: string): string {
  return localeFolder.replace('_', '-');
}
