import type { LicenceWithStatus, LookupResult } from './run-lookup';

/**
 * A licence as `lookup --json` prints it (DESIGN.md, "Command line"): `status`, and `lists` as the names of
 * the lists in force on the date. The registry's own list entries, with their dates, go on as `listEntries`
 * so that the JSON still says when and by whom.
 */
function licenceJson({ lists, listsInForce, ...licence }: LicenceWithStatus): object {
  return { ...licence, lists: listsInForce, listEntries: lists ?? [] };
}

/** The one JSON object `lookup --json` prints for a result. */
export function lookupJson(result: LookupResult): object {
  if (result.type === 'host') {
    const licence = result.licence && licenceJson(result.licence);
    const { verdict, host, matchedDomain, filing } = result;
    return { verdict, host, matchedDomain, licence, ...(filing ? { filing } : {}) };
  }
  return { licences: result.licences.map(licenceJson), filings: result.filings, ...(result.note ? { note: result.note } : {}) };
}
