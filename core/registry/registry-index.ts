import type { Filing, Licence, Registry } from './schema';

/** At most this many licences answer a name search: a short query can match much of a large registry. */
export const NAME_RESULT_LIMIT = 50;

/** Text folded for name search: width, case, spaces and punctuation do not matter. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export interface NameEntry {
  key: string;
  holder: boolean;
}

/** The names a licence is found by: its holders and site names, current and earlier. */
export function nameEntries(licence: Licence): NameEntry[] {
  const holders = new Set([licence.holder, ...licence.history.flatMap((h) => (h.holder ? [h.holder] : []))]);
  const siteNames = new Set([...licence.sites, ...licence.history.flatMap((h) => h.sites)].map((s) => s.name));
  return [
    ...[...holders].map((name) => ({ key: searchKey(name), holder: true })),
    ...[...siteNames].map((name) => ({ key: searchKey(name), holder: false })),
  ];
}

/** The trailing digits of a licence number, by which a person may look it up without its region. */
export function serialOf(number: string): string {
  return /\d+$/.exec(number)?.[0] ?? '';
}

/**
 * The numbers whose names contain `text`, holder matches first, then in the order given, each once, at
 * most NAME_RESULT_LIMIT.
 */
export function matchNames(entries: Iterable<{ key: string; holder: boolean; number: string }>, text: string): string[] {
  const key = searchKey(text);
  if (!key) return [];
  const holders = new Set<string>();
  const others = new Set<string>();
  for (const entry of entries) {
    if (holders.size >= NAME_RESULT_LIMIT) break;
    if (entry.key.includes(key)) (entry.holder ? holders : others).add(entry.number);
  }
  return [...new Set([...holders, ...others])].slice(0, NAME_RESULT_LIMIT);
}

/** A filing number (京ICP备…), as against a licence number, where both share one list of numbers. */
export const isFilingNumber = (number: string) => number.includes('ICP备');

/** The distinct domains a licence's or filing's sites list. */
export const domainsOf = (entry: { sites: { domain: string }[] }): Set<string> => new Set(entry.sites.map((s) => s.domain));

/** Each distinct domain an entry's sites list, with the entry. */
function addByDomain<T extends { sites: { domain: string }[] }>(byDomain: Map<string, T[]>, entry: T): void {
  for (const domain of domainsOf(entry)) {
    const held = byDomain.get(domain);
    if (held) held.push(entry);
    else byDomain.set(domain, [entry]);
  }
}

/** Lookups over one registry held in memory: by number, by listed domain, by serial, by part of a name. */
export class RegistryIndex {
  private readonly byNumber = new Map<string, Licence>();
  private readonly byDomain = new Map<string, Licence[]>();
  private readonly filingsByNumber = new Map<string, Filing>();
  private readonly filingsByDomain = new Map<string, Filing[]>();
  private readonly names: { key: string; holder: boolean; number: string }[] = [];

  constructor(readonly registry: Registry) {
    for (const licence of registry.licences) {
      this.byNumber.set(licence.number, licence);
      addByDomain(this.byDomain, licence);
      for (const entry of nameEntries(licence)) this.names.push({ ...entry, number: licence.number });
    }
    for (const filing of registry.filings ?? []) {
      this.filingsByNumber.set(filing.number, filing);
      addByDomain(this.filingsByDomain, filing);
    }
  }

  filing(number: string): Filing | undefined {
    return this.filingsByNumber.get(number);
  }

  /** Filings whose sites list `domain`, the latest record first. */
  filingsListing(domain: string): Filing[] {
    return [...(this.filingsByDomain.get(domain) ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  }

  licence(number: string): Licence | undefined {
    return this.byNumber.get(number);
  }

  /** How many distinct domains the registry's licences list. */
  domainCount(): number {
    return this.byDomain.size;
  }

  filingCount(): number {
    return this.filingsByNumber.size;
  }

  licencesListing(domain: string): Licence[] {
    return this.byDomain.get(domain) ?? [];
  }

  /** Licences whose current serial is `serial`, whatever their region. */
  licencesWithSerial(serial: string): Licence[] {
    return this.registry.licences.filter((l) => serialOf(l.number) === serial);
  }

  /** ICP filings whose serial is `serial`, whatever their region. */
  filingsWithSerial(serial: string): Filing[] {
    return (this.registry.filings ?? []).filter((f) => serialOf(f.number) === serial);
  }

  /** Licences whose holder or a site name contains `text`; holder matches first, registry order kept. */
  searchNames(text: string): Licence[] {
    return matchNames(this.names, text).map((number) => this.byNumber.get(number) as Licence);
  }
}
