// Deltas between whole registries held in memory: for the publisher's tool and the tests. The extension
// applies a delta to its store itself, keeping the content hash with ContentSum as it goes.
import { ContentSum, type RecordKind, registryContentHash } from '../registry/content-hash';
import type { Filing, Licence, Registry } from '../registry/schema';
import type { RegistryDelta } from './delta-schema';

export type DeltaApplication = { ok: true; registry: Registry } | { ok: false; problem: 'wrong-base' | 'result-mismatch'; detail: string };

type Changes<R> = { put: R[]; remove: string[] };

/** Records compared by their JSON: both registries are parsed, so equal records have equal JSON (the schema's key order). */
function changesBetween<R extends Licence | Filing>(from: readonly R[], to: readonly R[]): Changes<R> {
  const before = new Map(from.map((record) => [record.number, JSON.stringify(record)]));
  const after = new Set(to.map((record) => record.number));
  return {
    put: to.filter((record) => before.get(record.number) !== JSON.stringify(record)),
    remove: from.filter((record) => !after.has(record.number)).map((record) => record.number),
  };
}

/** The delta taking `from` to `to`, both parsed by RegistrySchema; `to` must be the newer. */
export function diffRegistries(from: Registry, to: Registry): RegistryDelta {
  if (to.version <= from.version) throw new RangeError(`version ${to.version} is not newer than version ${from.version}`);
  return {
    kind: 'licence-registry-delta',
    schemaVersion: 1,
    from: { version: from.version, contentHash: registryContentHash(from) },
    to: { version: to.version, generatedAt: to.generatedAt, contentHash: registryContentHash(to) },
    licences: changesBetween(from.licences, to.licences),
    filings: changesBetween(from.filings ?? [], to.filings ?? []),
  };
}

/**
 * `records` with `changes` applied, the sum kept up to date: untouched and changed records stay where they
 * were, new ones are appended in the delta's order. A removal of a number the base lacks is named: the
 * delta was not made from this base, whatever its hash says.
 */
function applyChanges<R extends Licence | Filing>(
  kind: RecordKind,
  records: readonly R[],
  changes: Changes<R>,
  sum: ContentSum,
): { records: R[] } | { absent: string } {
  const put = new Map(changes.put.map((record) => [record.number, record]));
  const removed = new Set(changes.remove);
  const result: R[] = [];
  let removedFound = 0;
  for (const record of records) {
    const replacement = put.get(record.number);
    if (removed.has(record.number)) {
      sum.remove(kind, record);
      removedFound++;
    } else if (replacement) {
      sum.remove(kind, record);
      sum.add(kind, replacement);
      result.push(replacement);
      put.delete(record.number);
    } else result.push(record);
  }
  if (removedFound < removed.size) {
    const present = new Set(records.map((record) => record.number));
    return { absent: changes.remove.find((number) => !present.has(number)) ?? '' };
  }
  for (const record of put.values()) {
    sum.add(kind, record);
    result.push(record);
  }
  return { records: result };
}

/** `base` with `delta` applied, after checking the base is the one the delta names and the result the one it promises. */
export function applyDelta(base: Registry, delta: RegistryDelta): DeltaApplication {
  if (base.version !== delta.from.version) {
    return { ok: false, problem: 'wrong-base', detail: `the delta applies to version ${delta.from.version}, not ${base.version}` };
  }
  const baseHash = registryContentHash(base);
  if (baseHash !== delta.from.contentHash) {
    return {
      ok: false,
      problem: 'wrong-base',
      detail: `the delta applies to content hash ${delta.from.contentHash}; version ${base.version} here has ${baseHash}`,
    };
  }
  const sum = ContentSum.fromHex(baseHash) as ContentSum;
  const licences = applyChanges('licence', base.licences, delta.licences, sum);
  if ('absent' in licences) return removesAbsent('licence', licences.absent);
  const filings = applyChanges('filing', base.filings ?? [], delta.filings, sum);
  if ('absent' in filings) return removesAbsent('filing', filings.absent);
  if (sum.hex() !== delta.to.contentHash) {
    return {
      ok: false,
      problem: 'result-mismatch',
      detail: `the result has content hash ${sum.hex()}; the delta promises ${delta.to.contentHash}`,
    };
  }
  const registry: Registry = {
    schemaVersion: base.schemaVersion,
    version: delta.to.version,
    generatedAt: delta.to.generatedAt,
    licences: licences.records,
  };
  // A registry without filings stays without them unless the delta brings some: both read the same.
  if (base.filings || filings.records.length > 0) registry.filings = filings.records;
  return { ok: true, registry };
}

function removesAbsent(kind: RecordKind, number: string): DeltaApplication {
  return { ok: false, problem: 'wrong-base', detail: `the delta removes ${kind} ${number}, which the base lacks` };
}
