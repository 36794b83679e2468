import type { Licence } from '../registry/schema';
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
  | { type: 'host'; host: string; verdict: Verdict; matchedDomain: string | null; licence: LicenceWithStatus | null }
  | { type: 'licences'; query: Query; licences: LicenceWithStatus[]; note?: string };

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
      };
    }
    case 'number': {
      const licence = index.licence(query.number.canonical);
      return { type: 'licences', query, licences: licence ? [withStatus(licence, today)] : [] };
    }
    case 'filing':
      return {
        type: 'licences',
        query,
        licences: [],
        note: 'ICP filings (备案) and public-security filings are not licences; the registry does not hold them.',
      };
    case 'serial':
      return { type: 'licences', query, licences: index.licencesWithSerial(query.serial).map((l) => withStatus(l, today)) };
    case 'name':
      return { type: 'licences', query, licences: index.searchNames(query.text).map((l) => withStatus(l, today)) };
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
      return NO_KEYS;
    case 'serial':
      return { ...NO_KEYS, serials: [query.serial] };
    case 'name':
      return { ...NO_KEYS, name: query.text };
  }
}

/** runLookup over a registry that is not held whole. */
export async function lookupIn(source: RegistrySource, query: Query, today: string): Promise<LookupResult> {
  return runLookup(query, await source.select(lookupKeys(query)), today);
}
