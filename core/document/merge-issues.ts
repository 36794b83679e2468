import type { HistoryEntry, Licence } from '../registry/schema';
import { DocumentError } from './document-error';
import type { LicenceIssue } from './parse-licence-document';

const COMPARED: (keyof LicenceIssue)[] = ['holder', 'legalRepresentative', 'validUntil', 'services', 'sites'];

/** What to do with a document that disagrees with another of the same issue: by default, stop. */
export type RefuseIssue = (issue: LicenceIssue, error: DocumentError) => void;

const stop: RefuseIssue = (_, error) => {
  throw error;
};

/**
 * Successive issues of one licence keep its number: the newest issue is the licence as it stands, the
 * older ones its history (newest first). Two documents of the same issue date must agree; when they do
 * not, the later one is refused and the first one kept.
 */
export function mergeIssues(issues: readonly LicenceIssue[], refuse: RefuseIssue = stop): Licence[] {
  const byNumber = new Map<string, LicenceIssue[]>();
  for (const issue of issues) byNumber.set(issue.number, [...(byNumber.get(issue.number) ?? []), issue]);

  return [...byNumber.values()]
    .map((group) => {
      const newestFirst = [...group].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
      const { kept, accepted } = dedupeSameIssue(newestFirst, refuse);
      const [current, ...older] = kept;
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
        sources: accepted.map((issue) => issue.source),
      };
    })
    .sort((a, b) => a.number.localeCompare(b.number));
}

/**
 * Keeps one of several identical copies of an issue (`kept`); copies that differ cannot be ordered, so
 * the later one is refused. `accepted` is every copy not refused.
 */
function dedupeSameIssue(newestFirst: LicenceIssue[], refuse: RefuseIssue): { kept: LicenceIssue[]; accepted: LicenceIssue[] } {
  const kept: LicenceIssue[] = [];
  const accepted: LicenceIssue[] = [];
  for (const issue of newestFirst) {
    const twin = kept.find((k) => k.issuedOn === issue.issuedOn);
    const field = twin && COMPARED.find((f) => JSON.stringify(twin[f]) !== JSON.stringify(issue[f]));
    if (twin && field) {
      refuse(
        issue,
        new DocumentError(
          `${twin.source} and ${issue.source}`,
          field,
          `both are the issue of ${issue.issuedOn} of ${issue.number} but disagree`,
        ),
      );
      continue;
    }
    if (!twin) kept.push(issue);
    accepted.push(issue);
  }
  return { kept, accepted };
}
