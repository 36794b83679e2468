import { DocumentError } from '../document/document-error';
import { type LicenceIssue, parseLicenceDocument } from '../document/parse-licence-document';
import type { Repair } from './schema';

export interface SourceDocument {
  /** The document's file name, kept in the registry as its source. */
  source: string;
  text: string;
}

/** Used: every part read. Partly used: some parts left out (named in `problems`). Refused: not used at all. */
export type DocumentStatus = 'used' | 'partly used' | 'refused';

export interface DocumentOutcome {
  source: string;
  status: DocumentStatus;
  /** Why the document was refused, or which parts of it were left out. */
  problems: DocumentError[];
}

export interface ReadDocuments {
  issues: LicenceIssue[];
  repairs: Repair[];
  warnings: string[];
  outcomes: DocumentOutcome[];
}

/**
 * Reads licence documents (OCR text) one by one: a document that cannot be read is refused and the
 * others are still used. With `strict`, the first problem in any document ends the build instead.
 */
export function readLicenceDocuments(documents: readonly SourceDocument[], strict: boolean): ReadDocuments {
  const read: ReadDocuments = { issues: [], repairs: [], warnings: [], outcomes: [] };
  for (const { source, text } of documents) {
    try {
      const parsed = parseLicenceDocument(text, source);
      if (strict && parsed.problems.length > 0) throw parsed.problems[0];
      read.issues.push(parsed.issue);
      read.repairs.push(...parsed.repairs);
      read.warnings.push(...parsed.warnings);
      read.outcomes.push({ source, status: parsed.problems.length > 0 ? 'partly used' : 'used', problems: parsed.problems });
    } catch (error) {
      if (strict || !(error instanceof DocumentError)) throw error;
      read.outcomes.push({ source, status: 'refused', problems: [error] });
    }
  }
  return read;
}
