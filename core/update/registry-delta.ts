// Deltas between whole registries held in memory: for the publisher's tool and the tests. The extension
// applies a delta to its store itself, keeping the content hash with ContentSum as it goes.
import { ContentSum, type RecordKind, registryContentHash } from '../registry/content-hash';
import * as z from 'zod/mini';
import { FilingSchema, LicenceSchema, type Filing, type Licence, type Registry } from '../registry/schema';
import type { RecordPatch, RegistryDelta } from './delta-schema';

export type DeltaApplication = { ok: true; registry: Registry } | { ok: false; problem: 'wrong-base' | 'result-mismatch'; detail: string };

type Changes<R> = { put: R[]; patch?: RecordPatch[]; remove: string[] };

/** The fields of `after` that differ from `before`'s, as a patch; both are parsed, so equal fields have equal JSON. */
function patchBetween(before: Licence | Filing, after: Licence | Filing): RecordPatch {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  const set = Object.fromEntries(
    Object.keys(is)
      .filter((k) => JSON.stringify(is[k]) !== JSON.stringify(was[k]))
      .map((k) => [k, is[k]]),
  );
  const unset = Object.keys(was).filter((k) => !Object.hasOwn(is, k));
  return { number: after.number, set, ...(unset.length > 0 ? { unset } : {}) };
}

/**
 * Records compared by their JSON: both registries are parsed, so equal records have equal JSON (the
 * schema's key order). A changed record goes as a patch when that is shorter than the record whole.
 */
function changesBetween<R extends Licence | Filing>(from: readonly R[], to: readonly R[]): Changes<R> {
  const before = new Map(from.map((record) => [record.number, record]));
  const after = new Set(to.map((record) => record.number));
  const put: R[] = [];
  const patch: RecordPatch[] = [];
  for (const record of to) {
    const old = before.get(record.number);
    const whole = JSON.stringify(record);
    if (old && JSON.stringify(old) === whole) continue;
    const changed = old ? patchBetween(old, record) : null;
    if (changed && JSON.stringify(changed).length < whole.length) patch.push(changed);
    else put.push(record);
  }
  return { put, patch, remove: from.filter((record) => !after.has(record.number)).map((record) => record.number) };
}

/** `record` with `patch` applied, checked by its schema; or what is wrong with the result. */
export function patchRecord<R extends Licence | Filing>(
  kind: RecordKind,
  record: R,
  patch: RecordPatch,
): { record: R } | { problem: string } {
  const raw: Record<string, unknown> = { ...record, ...patch.set };
  for (const field of patch.unset ?? []) delete raw[field];
  const parsed = (kind === 'licence' ? LicenceSchema : FilingSchema).safeParse(raw);
  return parsed.success
    ? { record: parsed.data as R }
    : { problem: `patching ${kind} ${record.number} gives no valid ${kind}: ${z.prettifyError(parsed.error)}` };
}

/**
 * The delta with its patches applied to the records they change (`held` gives a base record by kind and
 * number) and put whole instead, so that applying it needs no more than put and remove.
 */
export function resolvePatches(
  delta: RegistryDelta,
  held: (kind: RecordKind, number: string) => Licence | Filing | undefined,
): { ok: true; delta: RegistryDelta } | { ok: false; problem: 'wrong-base' | 'result-mismatch'; detail: string } {
  const resolved = { ...delta, licences: { ...delta.licences, patch: [] }, filings: { ...delta.filings, patch: [] } };
  for (const [kind, list, into] of [
    ['licence', delta.licences, resolved.licences],
    ['filing', delta.filings, resolved.filings],
  ] as const) {
    const put: (Licence | Filing)[] = [...into.put];
    for (const patch of list.patch ?? []) {
      const old = held(kind, patch.number);
      if (!old) return { ok: false, problem: 'wrong-base', detail: `it patches ${kind} ${patch.number}, which the base lacks` };
      const result = patchRecord(kind, old, patch);
      if ('problem' in result) return { ok: false, problem: 'result-mismatch', detail: result.problem };
      put.push(result.record);
    }
    (into as { put: (Licence | Filing)[] }).put = put;
  }
  return { ok: true, delta: resolved };
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
  const licencesByNumber = new Map(base.licences.map((l) => [l.number, l]));
  const filingsByNumber = new Map((base.filings ?? []).map((f) => [f.number, f]));
  const resolved = resolvePatches(delta, (kind, number) => (kind === 'licence' ? licencesByNumber : filingsByNumber).get(number));
  if (!resolved.ok) return resolved;
  const sum = ContentSum.fromHex(baseHash) as ContentSum;
  const licences = applyChanges('licence', base.licences, resolved.delta.licences, sum);
  if ('absent' in licences) return removesAbsent('licence', licences.absent);
  const filings = applyChanges('filing', base.filings ?? [], resolved.delta.filings, sum);
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
