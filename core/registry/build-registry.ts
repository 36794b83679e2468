import { mergeIssues } from '../document/merge-issues';
import { parseLicenceDocument } from '../document/parse-licence-document';
import { RegistrySchema, type Registry } from './schema';

export interface SourceDocument {
  /** The document's file name, kept in the registry as its source. */
  source: string;
  text: string;
}

/** Parses every document, merges the issues of each licence, and checks the result against the schema. */
export function buildRegistry(
  documents: readonly SourceDocument[],
  meta: { version: number; generatedAt: string },
): { registry: Registry; warnings: string[] } {
  const parsed = documents.map((d) => parseLicenceDocument(d.text, d.source));
  const registry = RegistrySchema.parse({
    schemaVersion: 1,
    version: meta.version,
    generatedAt: meta.generatedAt,
    licences: mergeIssues(parsed.map((p) => p.issue)),
  });
  return { registry, warnings: parsed.flatMap((p) => p.warnings) };
}
