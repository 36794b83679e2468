import { ContentSum } from '../registry/content-hash';
import type { RecordChange } from '../registry/record-change';
import { domainsOf } from '../registry/registry-index';
import type { RegistryInfo } from '../registry/registry-source';
import type { Filing, Licence } from '../registry/schema';
import type { RegistryDelta } from './delta-schema';

/** The stored registry a delta is applied to: what its record says of it. */
export interface DeltaBase {
  info: RegistryInfo;
  contentHash: string;
}

export type DeltaPlan =
  /** `info.domains` is the base's: domainsAfter counts what the change does to it, from the store. */
  | { ok: true; change: RecordChange; info: RegistryInfo; contentHash: string }
  | { ok: false; problem: 'wrong-base' | 'result-mismatch'; detail: string };

/** The numbers of the stored records a delta touches: read them, and resolve its patches, before planning. */
export function deltaNumbers(delta: RegistryDelta): { licences: string[]; filings: string[] } {
  return {
    licences: [...delta.licences.remove, ...(delta.licences.patch ?? []).map((p) => p.number), ...delta.licences.put.map((l) => l.number)],
    filings: [...delta.filings.remove, ...(delta.filings.patch ?? []).map((p) => p.number), ...delta.filings.put.map((f) => f.number)],
  };
}

/**
 * What applying `delta` to the stored registry `base` changes, from the stored records it touches
 * (`stored`: by number, as stored), with the result's counts and content hash; or why it cannot be applied: a base other than the one the delta names, or a
 * result other than the one it promises. Either way the reader falls back to the whole file.
 */
export function planDelta(
  delta: RegistryDelta,
  base: DeltaBase,
  stored: { licences: Map<string, Licence>; filings: Map<string, Filing> },
): DeltaPlan {
  if (delta.from.version !== base.info.version || delta.from.contentHash !== base.contentHash) {
    return {
      ok: false,
      problem: 'wrong-base',
      detail: `it applies to version ${delta.from.version} (${delta.from.contentHash.slice(0, 12)}…), not to version ${base.info.version} (${base.contentHash.slice(0, 12)}…)`,
    };
  }
  const sum = ContentSum.fromHex(base.contentHash) as ContentSum;
  const change: RecordChange = { removed: { licences: [], filings: [] }, added: { licences: [], filings: [] } };
  let licences = base.info.licences;
  let filings = base.info.filings ?? 0;
  for (const [kind, list] of [
    ['licence', delta.licences],
    ['filing', delta.filings],
  ] as const) {
    const held = (kind === 'licence' ? stored.licences : stored.filings) as Map<string, Licence | Filing>;
    for (const number of list.remove) {
      const old = held.get(number);
      if (!old) return { ok: false, problem: 'wrong-base', detail: `it removes ${kind} ${number}, which is not stored` };
      sum.remove(kind, old);
      (change.removed[`${kind}s`] as (Licence | Filing)[]).push(old);
    }
    for (const record of list.put) {
      const old = held.get(record.number);
      if (old) {
        sum.remove(kind, old);
        (change.removed[`${kind}s`] as (Licence | Filing)[]).push(old);
      }
      sum.add(kind, record);
      (change.added[`${kind}s`] as (Licence | Filing)[]).push(record);
    }
    const net = list.put.filter((r) => !held.has(r.number)).length - list.remove.length;
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
  return {
    ok: true,
    change,
    contentHash: sum.hex(),
    info: {
      version: delta.to.version,
      generatedAt: delta.to.generatedAt,
      licences,
      domains: base.info.domains,
      ...(base.info.filings !== undefined || filings > 0 ? { filings } : {}),
    },
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
