import { daysBetween } from '../dates';
import type { ListEntry } from '../registry/schema';

export type ListName = ListEntry['list'];

/** An entry holds from its `from` day up to, not including, its `until` day (the day the operator left the list). */
function inForce(entry: ListEntry, date: string): boolean {
  return daysBetween(entry.from, date) >= 0 && (entry.until === undefined || daysBetween(entry.until, date) < 0);
}

/**
 * A licence's list entries as they stand on `date`: those in force, and those already over (newest first).
 * Entries that start after `date` are neither: as of that date they had not happened.
 */
export function listStanding(entries: readonly ListEntry[] | undefined, date: string): { current: ListEntry[]; past: ListEntry[] } {
  const newestFirst = [...(entries ?? [])].sort((a, b) => b.from.localeCompare(a.from));
  return {
    current: newestFirst.filter((e) => inForce(e, date)),
    past: newestFirst.filter((e) => e.until !== undefined && daysBetween(e.until, date) >= 0),
  };
}

/** The names of the lists the operator is on at `date`, each once, in a stable order. */
export function listsInForce(entries: readonly ListEntry[] | undefined, date: string): ListName[] {
  return [...new Set(listStanding(entries, date).current.map((e) => e.list))].sort();
}
