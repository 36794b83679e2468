import type { Filing, Licence } from '../registry/schema';
import type { RegistryIndex } from '../registry/registry-index';
import { NO_KEYS, type RegistryKeys, type RegistrySource } from '../registry/registry-source';
import { listsInForce, type ListName } from '../verdict/licence-lists';
import { licenceStatus, type LicenceStatus } from '../verdict/licence-status';
import { computeVerdict, verdictKeys, type Verdict } from '../verdict/verdict';
import type { Query } from './classify-query';

export interface LicenceWithStatus extends Licence {
  status: LicenceStatus;
  daysLeft: number;
  /** The regulators' lists the operator is on at the lookup's date. */
  listsInForce: ListName[];
}

export type LookupResult =
  | {
      type: 'host';
      host: string;
      verdict: Verdict;
      matchedDomain: string | null;
      licence: LicenceWithStatus | null;
      /** The filing that lists the host when no licence does. */
      filing: Filing | null;
    }
  | { type: 'licences'; query: Query; licences: LicenceWithStatus[]; filings: Filing[]; note?: string };

/** The licences whose sites carry a number under `filing`: an authorised company's filing serves its licence. */
function licencesOfFiling(filing: Filing, index: RegistryIndex): Licence[] {
  const under = (number: string | undefined) => number === filing.number || number?.startsWith(`${filing.number}-`);
  const listing = filing.sites.flatMap((site) => index.licencesListing(site.domain));
  return [...new Set(listing)].filter((licence) => licence.sites.some((site) => under(site.filingNumber)));
}

function withStatus(licence: Licence, today: string): LicenceWithStatus {
  return { ...licence, ...licenceStatus(licence, today), listsInForce: listsInForce(licence.lists, today) };
}

/** The same lookup the popup runs and the command line prints. */
export function runLookup(query: Query, index: RegistryIndex, today: string): LookupResult {
  switch (query.type) {
    case 'host': {
      const result = computeVerdict({ host: query.host, claimedLicenceNumbers: [], index, today });
      return {
        type: 'host',
        host: query.host,
        verdict: result.verdict,
        matchedDomain: result.matchedDomain,
        licence: result.licence && withStatus(result.licence, today),
        filing: result.filing,
      };
    }
    case 'number': {
      const licence = index.licence(query.number.canonical);
      return { type: 'licences', query, licences: licence ? [withStatus(licence, today)] : [], filings: [] };
    }
    case 'filing': {
      if (query.number.kind !== 'icp-filing') {
        const note = 'Public-security filings (公安备案) are not licences; the registry does not hold them.';
        return { type: 'licences', query, licences: [], filings: [], note };
      }
      const filing = index.filing(query.number.canonical);
      const licences = filing ? licencesOfFiling(filing, index).map((l) => withStatus(l, today)) : [];
      return { type: 'licences', query, licences, filings: filing ? [filing] : [] };
    }
    case 'serial': {
      const licences = index.licencesWithSerial(query.serial).map((l) => withStatus(l, today));
      return { type: 'licences', query, licences, filings: index.filingsWithSerial(query.serial) };
    }
    case 'name':
      return { type: 'licences', query, licences: index.searchNames(query.text).map((l) => withStatus(l, today)), filings: [] };
  }
}

/** The keys a lookup reads, so a source need only load those licences. */
export function lookupKeys(query: Query): RegistryKeys {
  switch (query.type) {
    case 'host':
      return verdictKeys(query.host, []);
    case 'number':
      return { ...NO_KEYS, numbers: [query.number.canonical] };
    case 'filing':
      return query.number.kind === 'icp-filing' ? { ...NO_KEYS, filings: [query.number.canonical] } : NO_KEYS;
    case 'serial':
      return { ...NO_KEYS, serials: [query.serial] };
    case 'name':
      return { ...NO_KEYS, name: query.text };
  }
}

/**
 * runLookup over a registry that is not held whole. A filing found is read again with its domains, which
 * reach the licence its sites serve, if any.
 */
export async function lookupIn(source: RegistrySource, query: Query, today: string): Promise<LookupResult> {
  const keys = lookupKeys(query);
  const index = await source.select(keys);
  const filing = keys.filings.length > 0 ? index.filing(keys.filings[0]) : undefined;
  const domains = filing?.sites.map((site) => site.domain) ?? [];
  return runLookup(query, domains.length > 0 ? await source.select({ ...keys, domains }) : index, today);
}
