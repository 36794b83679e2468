import { RecordProblem } from './record-values';
import type { SourceProblem } from './source-records';

/**
 * Reads each item with `read`, keeping what reads and reporting, with its place, what does not: one bad
 * record never costs the others. Anything but a RecordProblem is a bug and is thrown.
 */
export function readEach<T, R>(
  items: readonly T[],
  place: { source: string; at: (index: number) => string },
  read: (item: T) => R,
  problems: SourceProblem[],
): R[] {
  const records: R[] = [];
  items.forEach((item, index) => {
    try {
      records.push(read(item));
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      problems.push({ source: place.source, at: place.at(index), problem: error.message });
    }
  });
  return records;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
