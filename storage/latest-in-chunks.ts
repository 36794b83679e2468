// A delta never rewrites the chunks a registry was installed in: it appends chunks holding the new form of
// each record it changes or adds, and the numbers it removes as retired. So a number may be in several
// chunks, and the one written last (the highest seq) says what it is now. A delta's chunk is indexed under
// the keys of what it supersedes as well as its own, so any lookup that reaches an older form reaches the
// chunk that supersedes it too.

/** What a chunk says of the records it names: their current form, or none for those it retires. */
export interface Versioned<R> {
  seq: number;
  records: readonly R[];
  retired?: readonly string[];
}

/**
 * The records `chunks` hold now: for each number, its form in the latest chunk naming it, left out when that
 * chunk retires it; in the order the numbers first appear (a changed record keeps its place).
 */
export function latestRecords<R extends { number: string }>(chunks: readonly Versioned<R>[]): R[] {
  const ordered = [...chunks].sort((a, b) => a.seq - b.seq);
  const now = new Map<string, R | null>();
  for (const chunk of ordered) {
    for (const record of chunk.records) now.set(record.number, record);
    for (const number of chunk.retired ?? []) now.set(number, null);
  }
  return [...now.values()].filter((record): record is R => record !== null);
}

/** A name row: the folded name, the licence it names, and whether it is the holder. */
export type NameRow = [key: string, number: string, holder: 0 | 1];

/**
 * The name rows in force, in the order of `chunks` (by seq): a chunk's retired numbers drop their rows in
 * earlier chunks, and the rows written with or after it stand where the licence's first row was.
 */
export function latestNames(chunks: readonly Versioned<NameRow>[]): NameRow[] {
  const retiredAt = new Map<string, number>();
  for (const chunk of chunks) for (const number of chunk.retired ?? []) retiredAt.set(number, chunk.seq);
  const rows = new Map<string, NameRow[]>();
  for (const chunk of chunks) {
    for (const row of chunk.records) {
      const number = row[1];
      let held = rows.get(number);
      if (!held) rows.set(number, (held = []));
      if (chunk.seq >= (retiredAt.get(number) ?? -1)) held.push(row);
    }
  }
  return [...rows.values()].flat();
}
