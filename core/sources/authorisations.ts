// A licence's authorisations (授权): [ { name (the holder), nameints (the authorised company), yewu (services), num (licence) } ]
import { isObject, readEach } from './read-records';
import { plainText, RecordProblem, recordNumber, requiredText } from './record-values';
import type { AuthorisationRecord, SourceProblem } from './source-records';

export const isAuthorisationsAnswer = (value: unknown): boolean =>
  Array.isArray(value) && value.length > 0 && value.every((row) => isObject(row) && 'nameints' in row && 'num' in row);

function readAuthorisation(row: unknown, source: string): AuthorisationRecord {
  if (!isObject(row)) throw new RecordProblem('the record is not an object');
  return {
    number: recordNumber(row.num, 'licence number (num)', ['licence']).canonical,
    holder: requiredText(row.name, 'holder (name)'),
    company: requiredText(row.nameints, 'authorised company (nameints)'),
    services: plainText(row.yewu)
      .split(/\s*[,;、，；]\s*/)
      .filter(Boolean),
    source,
  };
}

export function readAuthorisationsAnswer(answer: unknown, source: string, at: string, problems: SourceProblem[]): AuthorisationRecord[] {
  return readEach(
    Array.isArray(answer) ? answer : [],
    { source, at: (i) => `${at} [${i}]` },
    (row) => readAuthorisation(row, source),
    problems,
  );
}
