// Folds the spellings real pages and scans use (full-width forms, typographic dashes, odd spaces,
// lower case) onto one plain spelling. Every character maps to exactly one UTF-16 unit, so an offset
// in the folded text is the same offset in the original; the page scanner relies on that.
const FOLDABLE =
  /[a-z\uFF01-\uFF5E\u3000\u00A0\u00AD\u2000-\u200D\u2010-\u2015\u2028\u2029\u202F\u205F\u2060\u2212\u30FC\uFE58\uFE63\uFEFF]/g;

function foldOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x61 && code <= 0x7a) return String.fromCharCode(code - 0x20);
  if (code >= 0xff01 && code <= 0xff5e) {
    const half = code - 0xfee0;
    if (half === 0x2d) return '-';
    return half >= 0x61 && half <= 0x7a ? String.fromCharCode(half - 0x20) : String.fromCharCode(half);
  }
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x30fc || code === 0xfe58 || code === 0xfe63) {
    return '-';
  }
  return ' ';
}

export function foldText(text: string): string {
  return text.replace(FOLDABLE, foldOne);
}
