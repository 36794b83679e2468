import type { HistoryEntry, Licence } from '../registry/schema';
import { DocumentError } from './document-error';
import type { LicenceIssue } from './parse-licence-document';

const COMPARED: (keyof LicenceIssue)[] = ['holder', 'legalRepresentative', 'validUntil', 'services', 'sites'];

/**
 * Successive issues of one licence keep its number: the newest issue is the licence as it stands, the
 * older ones its history (newest first). Two documents of the same issue date must agree.
 */
export function mergeIssues(issues: readonly LicenceIssue[]): Licence[] {
  const byNumber = new Map<string, LicenceIssue[]>();
  for (const issue of issues) byNumber.set(issue.number, [...(byNumber.get(issue.number) ?? []), issue]);

  return [...byNumber.values()]
    .map((group) => {
      const sorted = [...group].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
      const [current, ...older] = dedupeSameIssue(sorted);
      const history: HistoryEntry[] = older.map((issue) => ({
        issuedOn: issue.issuedOn,
        validUntil: issue.validUntil,
        holder: issue.holder,
        legalRepresentative: issue.legalRepresentative,
        services: issue.services,
        sites: issue.sites,
        source: issue.source,
      }));
      return {
        number: current.number,
        holder: current.holder,
        legalRepresentative: current.legalRepresentative,
        issuedOn: current.issuedOn,
        validUntil: current.validUntil,
        services: current.services,
        sites: current.sites,
        history,
        sources: sorted.map((issue) => issue.source),
      };
    })
    .sort((a, b) => a.number.localeCompare(b.number));
}

/** Keeps one of several identical copies of an issue; copies that differ cannot be ordered. */
function dedupeSameIssue(newestFirst: LicenceIssue[]): LicenceIssue[] {
  const kept: LicenceIssue[] = [];
  for (const issue of newestFirst) {
    const twin = kept.find((k) => k.issuedOn === issue.issuedOn);
    if (!twin) {
      kept.push(issue);
      continue;
    }
    const field = COMPARED.find((f) => JSON.stringify(twin[f]) !== JSON.stringify(issue[f]));
    if (field) {
      throw new DocumentError(
        `${twin.source} and ${issue.source}`,
        field,
        `both are the issue of ${issue.issuedOn} of ${issue.number} but disagree`,
      );
    }
  }
  return kept;
}
