import { mergeIssues } from '../document/merge-issues';
import { noRecords, type SourceRecords } from '../sources/source-records';
import { type MergeReport, mergeSources } from './merge-sources';
import { type DocumentOutcome, readLicenceDocuments, type SourceDocument } from './read-licence-documents';
import { type Licence, type Registry, RegistrySchema, type Repair } from './schema';

export type { SourceDocument } from './read-licence-documents';

export interface BuiltRegistry {
  registry: Registry;
  warnings: string[];
  /** What became of each document, in the order given. */
  outcomes: DocumentOutcome[];
  /** What became of the regulator's records, per source, and where sources disagreed. */
  merge: MergeReport;
}

/** A licence with the repairs made to the documents it was built from, when there are any. */
function withRepairs(licence: Licence, repairs: readonly Repair[]): Licence {
  const own = licence.sources.flatMap((source) => repairs.filter((r) => r.source === source));
  return own.length > 0 ? { ...licence, repairs: own } : licence;
}

/**
 * Reads every document, merges the issues of each licence, merges in the regulator's records (query
 * answers, filings, authorisations, status lists: core/registry/merge-sources.ts), and checks the result
 * against the schema. A document that cannot be read, or that disagrees with another copy of its issue,
 * is refused and the registry is built from the rest; with `strict`, either ends the build with a
 * DocumentError.
 */
export function buildRegistry(
  documents: readonly SourceDocument[],
  meta: { version: number; generatedAt: string },
  options: { strict?: boolean; records?: SourceRecords } = {},
): BuiltRegistry {
  const strict = options.strict ?? false;
  const read = readLicenceDocuments(documents, strict);
  const merged = mergeIssues(
    read.issues,
    strict
      ? undefined
      : (issue, error) => {
          const outcome = read.outcomes.find((o) => o.source === issue.source) as DocumentOutcome;
          outcome.status = 'refused';
          outcome.problems = [error];
        },
  );
  const sourced = mergeSources(
    merged.map((licence) => withRepairs(licence, read.repairs)),
    options.records ?? noRecords(),
  );
  const registry = RegistrySchema.parse({
    schemaVersion: 1,
    version: meta.version,
    generatedAt: meta.generatedAt,
    licences: sourced.licences,
    // Only when there are any: a registry built without filing records is the file it always was.
    ...(sourced.filings.length > 0 ? { filings: sourced.filings } : {}),
  });
  return { registry, warnings: read.warnings, outcomes: read.outcomes, merge: sourced.report };
}
