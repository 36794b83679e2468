import { ContentSum } from '../registry/content-hash';
import type { RecordChange } from '../registry/record-change';
import { domainsOf } from '../registry/registry-index';
import type { RegistryInfo } from '../registry/registry-source';
import type { Filing, Licence } from '../registry/schema';
import type { RegistryDelta } from './delta-schema';

/** The registry a delta is applied to: its version, content hash and counts. */
export interface DeltaBase extends Pick<RegistryInfo, 'version' | 'licences' | 'filings'> {
  contentHash: string;
}

export type DeltaPlan =
  | { ok: true; change: RecordChange; contentHash: string; counts: Pick<RegistryInfo, 'licences' | 'filings'> }
  | { ok: false; problem: 'wrong-base' | 'result-mismatch'; detail: string };

/** Why `delta` does not apply to `base`, or null when `base` is the one it names: checked before anything is read for it. */
export function baseMismatch(delta: RegistryDelta, base: DeltaBase): string | null {
  if (delta.from.version === base.version && delta.from.contentHash === base.contentHash) return null;
  return `it applies to version ${delta.from.version} (${delta.from.contentHash.slice(0, 12)}…), not to version ${base.version} (${base.contentHash.slice(0, 12)}…)`;
}

/** The numbers of the stored records a delta touches: read them, and resolve its patches, before planning. */
export function deltaNumbers(delta: RegistryDelta): { licences: string[]; filings: string[] } {
  return {
    licences: [...delta.licences.remove, ...(delta.licences.patch ?? []).map((p) => p.number), ...delta.licences.put.map((l) => l.number)],
    filings: [...delta.filings.remove, ...(delta.filings.patch ?? []).map((p) => p.number), ...delta.filings.put.map((f) => f.number)],
  };
}

/**
 * What applying `delta` (its patches resolved) to `base` (the one it names: baseMismatch) changes, from the
 * base's records it touches (`held`, by number), with the result's counts and content hash; or why it cannot
 * be applied: it removes a record the base lacks, or its result is not the one it promises. The reader
 * then falls back to the whole file.
 */
export function planDelta(
  delta: RegistryDelta,
  base: DeltaBase,
  held: { licences: ReadonlyMap<string, Licence>; filings: ReadonlyMap<string, Filing> },
): DeltaPlan {
  const sum = ContentSum.fromHex(base.contentHash) as ContentSum;
  const change: RecordChange = { removed: { licences: [], filings: [] }, added: { licences: [], filings: [] } };
  let licences = base.licences;
  let filings = base.filings ?? 0;
  for (const [kind, list] of [
    ['licence', delta.licences],
    ['filing', delta.filings],
  ] as const) {
    const records = (kind === 'licence' ? held.licences : held.filings) as ReadonlyMap<string, Licence | Filing>;
    for (const number of list.remove) {
      const old = records.get(number);
      if (!old) return { ok: false, problem: 'wrong-base', detail: `it removes ${kind} ${number}, which the base lacks` };
      sum.remove(kind, old);
      (change.removed[`${kind}s`] as (Licence | Filing)[]).push(old);
    }
    for (const record of list.put) {
      const old = records.get(record.number);
      if (old) {
        sum.remove(kind, old);
        (change.removed[`${kind}s`] as (Licence | Filing)[]).push(old);
      }
      sum.add(kind, record);
      (change.added[`${kind}s`] as (Licence | Filing)[]).push(record);
    }
    const net = list.put.filter((r) => !records.has(r.number)).length - list.remove.length;
    if (kind === 'licence') licences += net;
    else filings += net;
  }
  if (sum.hex() !== delta.to.contentHash) {
    return {
      ok: false,
      problem: 'result-mismatch',
      detail: `the result's content hash is ${sum.hex()}, not the ${delta.to.contentHash} it promises`,
    };
  }
  // A registry without filings stays without them unless the delta brings some: both read the same.
  return {
    ok: true,
    change,
    contentHash: sum.hex(),
    counts: { licences, ...(base.filings !== undefined || filings > 0 ? { filings } : {}) },
  };
}

const listedBy = (licences: Licence[]) => new Set(licences.flatMap((l) => [...domainsOf(l)]));

/**
 * The domains whose listing a change can change: those its removed (or changed) licences list and its added
 * ones do not, or the other way round. A domain on both sides is listed before and after.
 */
export function domainsToAsk({ removed, added }: RecordChange): string[] {
  const was = listedBy(removed.licences);
  const is = listedBy(added.licences);
  return [...[...was].filter((d) => !is.has(d)), ...[...is].filter((d) => !was.has(d))];
}

/**
 * How many domains some licence lists after `change`, from how many before and the numbers of the licences
 * listing each domain of domainsToAsk before it (the store's listers).
 */
export function domainsAfter(before: number, { removed, added }: RecordChange, listers: ReadonlyMap<string, readonly string[]>): number {
  const gone = new Set(removed.licences.map((l) => l.number));
  const listedAfter = listedBy(added.licences);
  let count = before;
  for (const [domain, numbers] of listers) {
    const listed = listedAfter.has(domain) || numbers.some((n) => !gone.has(n));
    count += Number(listed) - Number(numbers.length > 0);
  }
  return count;
}
