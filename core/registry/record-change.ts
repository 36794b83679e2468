import type { Filing, Licence } from './schema';

/** Records to take out of a stored registry (as they are stored) and records to put in, in one step. */
export interface RecordChange {
  removed: { licences: Licence[]; filings: Filing[] };
  added: { licences: Licence[]; filings: Filing[] };
}
