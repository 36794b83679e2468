// Deltas between whole registries held in memory: for the publisher's tool and the tests. The extension
// applies a delta to its store with the same plan (core/update/delta-plan.ts).
import { type RecordKind, registryContentHash } from '../registry/content-hash';
import * as z from 'zod/mini';
import { FilingSchema, LicenceSchema, type Filing, type Licence, type Registry } from '../registry/schema';
import { baseMismatch, planDelta } from './delta-plan';
import type { RecordPatch, RegistryDelta } from './delta-schema';

export type DeltaApplication = { ok: true; registry: Registry } | { ok: false; problem: 'wrong-base' | 'result-mismatch'; detail: string };

type Changes<R> = { put: R[]; patch?: RecordPatch[]; remove: string[] };

const byNumber = <R extends { number: string }>(records: readonly R[]) => new Map(records.map((record) => [record.number, record]));

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
  const before = byNumber(from);
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

/** `records` with a change made: changed ones where they were, removed ones gone, new ones appended in order. */
function changed<R extends Licence | Filing>(records: readonly R[], removed: readonly R[], added: readonly R[]): R[] {
  const gone = new Set(removed.map((record) => record.number));
  const put = new Map(added.map((record) => [record.number, record]));
  const kept = records.flatMap((record) => {
    if (!gone.has(record.number)) return [record];
    const replacement = put.get(record.number);
    put.delete(record.number);
    return replacement ? [replacement] : [];
  });
  return [...kept, ...put.values()];
}

/** `base` with `delta` applied, through the same checks the extension makes (core/update/delta-plan.ts). */
export function applyDelta(base: Registry, delta: RegistryDelta): DeltaApplication {
  const from = {
    version: base.version,
    contentHash: registryContentHash(base),
    licences: base.licences.length,
    filings: base.filings?.length,
  };
  const wrong = baseMismatch(delta, from);
  if (wrong) return { ok: false, problem: 'wrong-base', detail: wrong };
  const held = { licences: byNumber(base.licences), filings: byNumber(base.filings ?? []) };
  const resolved = resolvePatches(delta, (kind, number) => (kind === 'licence' ? held.licences : held.filings).get(number));
  if (!resolved.ok) return resolved;
  const plan = planDelta(resolved.delta, from, held);
  if (!plan.ok) return plan;
  const { removed, added } = plan.change;
  const registry: Registry = {
    schemaVersion: base.schemaVersion,
    version: delta.to.version,
    generatedAt: delta.to.generatedAt,
    licences: changed(base.licences, removed.licences, added.licences),
  };
  if (plan.counts.filings !== undefined) registry.filings = changed(base.filings ?? [], removed.filings, added.filings);
  return { ok: true, registry };
}
