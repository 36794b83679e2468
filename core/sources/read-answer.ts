import { isAuthorisationsAnswer, readAuthorisationsAnswer } from './authorisations';
import { isFilingQueryAnswer, readFilingQueryAnswer } from './filing-query';
import { isLicenceQueryAnswer, readLicenceQueryAnswer } from './licence-query';
import type { SourceRecords } from './source-records';

export type AnswerKind = 'licence-query' | 'filing-query' | 'authorisations';

/** Which of the regulator's answers a parsed JSON value is, from its shape; null when none. */
export function answerKind(value: unknown): AnswerKind | null {
  if (isLicenceQueryAnswer(value)) return 'licence-query';
  if (isFilingQueryAnswer(value)) return 'filing-query';
  if (isAuthorisationsAnswer(value)) return 'authorisations';
  return null;
}

/**
 * Reads one answer into `records`. A file may hold one answer, a JSON array of answers, or one answer per
 * line; `at` names the answer (file, line or index) in the build's report. Returns the kind read, or null
 * (reported as a problem) for a value that is no answer at all.
 */
export function readAnswer(value: unknown, source: string, at: string, records: SourceRecords): AnswerKind | null {
  const kind = answerKind(value);
  if (kind === 'licence-query') records.licences.push(...readLicenceQueryAnswer(value, source, at, records.problems));
  else if (kind === 'filing-query') records.filings.push(...readFilingQueryAnswer(value, source, at, records.problems));
  else if (kind === 'authorisations') records.authorisations.push(...readAuthorisationsAnswer(value, source, at, records.problems));
  else if (Array.isArray(value) && value.some((item) => answerKind(item) !== null)) {
    // A JSON array of answers.
    const kinds = value.map((item, i) => readAnswer(item, source, `${at}[${i}]`, records));
    return kinds.find((k) => k !== null) ?? null;
  } else
    records.problems.push({ source, at, problem: 'is none of the answers this build reads (licence query, filing query, authorisations)' });
  return kind;
}

/** One line of a JSON Lines file: an answer, or (reported) a line that is not JSON. */
export function readAnswerLine(line: string, source: string, lineNumber: number, records: SourceRecords): void {
  if (line.trim() === '') return;
  const at = `${source}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    records.problems.push({ source, at, problem: `is not JSON (${(error as Error).message})` });
    return;
  }
  readAnswer(value, source, at, records);
}
