import type { Licence, Registry } from './schema';

/** Text folded for name search: width, case, spaces and punctuation do not matter. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Lookups over one registry: by number, by listed domain, and by part of a holder or site name. */
export class RegistryIndex {
  private readonly byNumber = new Map<string, Licence>();
  private readonly byDomain = new Map<string, Licence[]>();
  private readonly names: { key: string; licence: Licence; holderMatch: boolean }[] = [];

  constructor(readonly registry: Registry) {
    for (const licence of registry.licences) {
      this.byNumber.set(licence.number, licence);
      for (const domain of new Set(licence.sites.map((s) => s.domain))) {
        this.byDomain.set(domain, [...(this.byDomain.get(domain) ?? []), licence]);
      }
      const holders = new Set([licence.holder, ...licence.history.flatMap((h) => (h.holder ? [h.holder] : []))]);
      const siteNames = new Set([...licence.sites, ...licence.history.flatMap((h) => h.sites)].map((s) => s.name));
      for (const holder of holders) this.names.push({ key: searchKey(holder), licence, holderMatch: true });
      for (const name of siteNames) this.names.push({ key: searchKey(name), licence, holderMatch: false });
    }
  }

  licence(number: string): Licence | undefined {
    return this.byNumber.get(number);
  }

  /** How many distinct domains the registry lists. */
  domainCount(): number {
    return this.byDomain.size;
  }

  licencesListing(domain: string): Licence[] {
    return this.byDomain.get(domain) ?? [];
  }

  /** Licences whose current serial is `serial`, whatever their region. */
  licencesWithSerial(serial: string): Licence[] {
    return this.registry.licences.filter((l) => l.number.endsWith(`-${serial}`));
  }

  /** Licences whose holder or a site name contains `text`; holder matches first, registry order kept. */
  searchNames(text: string): Licence[] {
    const key = searchKey(text);
    if (!key) return [];
    const hits = this.names.filter((n) => n.key.includes(key)).sort((a, b) => Number(b.holderMatch) - Number(a.holderMatch));
    return [...new Set(hits.map((h) => h.licence))];
  }
}
