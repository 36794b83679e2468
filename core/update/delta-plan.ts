import { ContentSum } from '../registry/content-hash';
import type { RecordChange } from '../registry/record-change';
import type { RegistryInfo } from '../registry/registry-source';
import type { Filing, Licence } from '../registry/schema';
import type { RegistryDelta } from './delta-schema';

/** The stored registry a delta is applied to: what its record says of it. */
export interface DeltaBase {
  info: RegistryInfo;
  contentHash: string;
}

export type DeltaPlan =
  /** `info.domains` is the base's: the store counts what the change does to it, as it makes it. */
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
