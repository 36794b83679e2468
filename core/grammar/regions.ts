// The 31 provincial-level regions whose bureaus issue licences, and the alternate single-character
// names real sites also print.
export const REGION_ABBREVIATIONS = '京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新';

const ALTERNATES: Readonly<Record<string, string>> = { 蜀: '川', 黔: '贵', 滇: '云', 陇: '甘', 秦: '陕' };

/** The standard abbreviation for a region character (alternates folded), or undefined. */
export function canonicalRegion(ch: string): string | undefined {
  if (ch.length === 1 && REGION_ABBREVIATIONS.includes(ch)) return ch;
  return ALTERNATES[ch];
}
