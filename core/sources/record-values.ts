// The values of the regulator's records arrive with the noise of real data: full-width characters,
// stray spaces, dates spelled three ways, licence numbers with or without 号. These read one value each
// and say why when they cannot.
import { isoDate } from '../dates';
import { type NumberKind, scanNumbers } from '../grammar/scan-numbers';
import { registryDomain } from '../registry/schema';
import { readDates } from '../document/digit-repairs';

/** A record that cannot be used, and why, for the build's report. */
export class RecordProblem extends Error {}

/** Text with full-width forms and runs of spaces reduced to plain single spaces, trimmed. */
export function plainText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value)
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0]+/g, ' ')
    .trim();
}

/** As plainText, refusing an empty value. */
export function requiredText(value: unknown, field: string): string {
  const text = plainText(value);
  if (!text) throw new RecordProblem(`${field} is missing`);
  return text;
}

/** A calendar date as YYYY-MM-DD from any of the spellings the records use (a time after it is ignored). */
export function recordDate(value: unknown, field: string): string {
  const [first] = readDates(plainText(value)).dates;
  const date = first ? isoDate(first.year, first.month, first.day) : null;
  if (!date) throw new RecordProblem(`${field} "${plainText(value)}" is not a date`);
  return date;
}

/** The one number of `kind` in a field, in canonical form with its site suffix apart. */
export function recordNumber(
  value: unknown,
  field: string,
  kinds: readonly NumberKind[],
): { kind: NumberKind; canonical: string; suffix?: string } {
  const text = plainText(value);
  const found = scanNumbers(text).filter((m) => kinds.includes(m.kind));
  if (found.length !== 1)
    throw new RecordProblem(`${field} "${text}" is not ${found.length === 0 ? 'a number of the expected kind' : 'one number'}`);
  const { kind, canonical, suffix } = found[0];
  return suffix ? { kind, canonical, suffix } : { kind, canonical };
}

/** A host name as the registry stores it: lower case, no scheme, path, port or trailing dot. */
export function recordDomain(value: unknown, field: string): string {
  const host = registryDomain(plainText(value));
  if (!host) throw new RecordProblem(`${field} "${plainText(value)}" is not a domain`);
  return host;
}
