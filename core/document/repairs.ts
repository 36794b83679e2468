// Repairs for recognition noise inside values. Each one is narrow: it fires only on a shape that a
// correct document cannot contain.

/** `腾讯云计算、北京、有限责任公司` → `腾讯云计算(北京)有限责任公司`: brackets read as enumeration commas. */
export function repairBracketsInName(name: string): string {
  return name.replace(/、(\p{Script=Han}{2,4})、(?=有限|股份|分公司)/gu, '($1)');
}

const KNOWN_STORES = ['App Store', 'Google Play'];

/** `pp store` → `App Store`: a store name that lost its first letter. */
export function repairStoreNames(list: string): string {
  return list
    .split('、')
    .map((item) => {
      const lower = item.trim().toLowerCase();
      const known = KNOWN_STORES.find((store) => store.toLowerCase() === lower || store.toLowerCase().slice(1) === lower);
      return known ?? item;
    })
    .join('、');
}

/**
 * Whether a continuation line only repeats the value's own ending: a duplicated fragment of the scan
 * (`…万国6号数据中心` then `6号数据中心`), to be dropped rather than appended.
 */
export function repeatsEnding(value: string, line: string): boolean {
  return value.length > line.length && value.endsWith(line);
}
