// Turns OCR text into trimmed lines with the recognition noise that is safe to remove everywhere
// removed: stray superscripts, Markdown the recogniser added, and spaces it put between Chinese characters.
const SUPERSCRIPTS = /[\u00B2\u00B3\u00B9\u2070-\u209F]/g;
const HAN = '\\p{Script=Han}\\u3001-\\u303F\\uFF08\\uFF09';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}\\d])[ \\t\\u3000]+(?=[${HAN}])|(?<=[${HAN}])[ \\t\\u3000]+(?=[\\d])`, 'gu');

export function cleanLines(raw: string): string[] {
  return raw
    .replace(SUPERSCRIPTS, '')
    .normalize('NFKC')
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*#+\s+/, '')
        .replace(/^\s*[-*•]\s+(?!\d{1,3}\s*-$)/, '')
        .replace(/\*\*/g, '')
        .replace(SPACE_BETWEEN_HAN, '')
        .trim(),
    )
    .filter((line) => line.length > 0);
}

/** Removes every space; for Chinese prose such as service descriptions, where no space is meaningful. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Chinese text in the registry uses full-width brackets and punctuation, whatever the scan produced. */
export function chinesePunctuation(text: string): string {
  return text.replace(/[(),:;]/g, (c) => ({ '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' })[c] as string);
}
