import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { registryContentHash } from '../../core/registry/content-hash';
import { RegistrySchema, type Filing, type Licence, type Registry } from '../../core/registry/schema';
import { RegistryDeltaSchema, type RecordPatch, type RegistryDelta } from '../../core/update/delta-schema';
import { applyDelta, diffRegistries, patchRecord } from '../../core/update/registry-delta';
import { FILINGS } from '../registries/filings';
import { registry } from './registry-arbitraries';

const byNumber = <R extends { number: string }>(records: readonly R[] = []) =>
  [...records].sort((a, b) => a.number.localeCompare(b.number));

/** Newer registries made from `from`: some of its records kept as they are, the rest changed, removed or added by a second generated registry. */
const fromAndTo = registry().chain((from) =>
  fc
    .record({
      keptLicences: fc.subarray(from.licences),
      keptFilings: fc.subarray(from.filings ?? []),
      fresh: registry(fc.integer({ min: from.version + 1, max: from.version + 5 })),
    })
    .map(({ keptLicences, keptFilings, fresh }) => {
      const merge = <R extends { number: string }>(kept: R[], other: R[] = []) => [
        ...other.filter((r) => !kept.some((k) => k.number === r.number)),
        ...kept,
      ];
      const filings = fresh.filings === undefined && keptFilings.length === 0 ? undefined : merge(keptFilings, fresh.filings);
      const to = RegistrySchema.parse({ ...fresh, licences: merge(keptLicences, fresh.licences), ...(filings ? { filings } : {}) });
      return { from, to };
    }),
);

/** As a reader receives it: JSON text, parsed by the delta schema. */
const received = (delta: RegistryDelta) => RegistryDeltaSchema.parse(JSON.parse(JSON.stringify(delta)));

describe('diffRegistries and applyDelta', () => {
  it('round trip: the delta, sent as JSON and applied to the old registry, gives the new one', () => {
    fc.assert(
      fc.property(fromAndTo, ({ from, to }) => {
        const delta = received(diffRegistries(from, to));
        const applied = applyDelta(from, delta);
        expect(applied).toMatchObject({ ok: true });
        if (!applied.ok) return;
        const result = applied.registry;
        expect(registryContentHash(result)).toBe(registryContentHash(to));
        expect(RegistrySchema.parse(result)).toEqual(result);
        expect({ version: result.version, generatedAt: result.generatedAt }).toEqual({ version: to.version, generatedAt: to.generatedAt });
        expect(byNumber(result.licences)).toEqual(byNumber(to.licences));
        expect(byNumber(result.filings)).toEqual(byNumber(to.filings));
      }),
    );
  });

  it('is given pairs with records kept, changed, removed and added, of both kinds', () => {
    const seen = new Set<string>();
    for (const { from, to } of fc.sample(fromAndTo, { numRuns: 300, seed: 1 })) {
      for (const [kind, before, after] of [
        ['licence', from.licences, to.licences],
        ['filing', from.filings ?? [], to.filings ?? []],
      ] as const) {
        for (const r of after) {
          const old = before.find((b) => b.number === r.number);
          seen.add(`${kind} ${!old ? 'added' : JSON.stringify(old) === JSON.stringify(r) ? 'kept' : 'changed'}`);
        }
        if (before.some((b) => !after.some((r) => r.number === b.number))) seen.add(`${kind} removed`);
      }
    }
    expect([...seen].sort()).toEqual(
      ['added', 'changed', 'kept', 'removed'].flatMap((what) => [`filing ${what}`, `licence ${what}`]).sort(),
    );
  });

  it('puts what was added, puts or patches what changed (whichever is shorter), and removes only what is gone', () => {
    type AnyRecord = Licence | Filing;
    let patched = 0;
    const expectChanges = (
      kind: 'licence' | 'filing',
      before: readonly AnyRecord[],
      after: readonly AnyRecord[],
      changes: { put: AnyRecord[]; patch?: RecordPatch[]; remove: string[] },
    ) => {
      const old = new Map(before.map((r) => [r.number, r]));
      const unchanged = (r: AnyRecord) => JSON.stringify(old.get(r.number)) === JSON.stringify(r);
      const viaPatch = (changes.patch ?? []).map((p) => {
        const result = patchRecord(kind, old.get(p.number) as AnyRecord, p);
        expect(JSON.stringify(p).length).toBeLessThan(JSON.stringify('record' in result ? result.record : null).length);
        return 'record' in result ? result.record : null;
      });
      patched += viaPatch.length;
      expect(byNumber([...changes.put, ...(viaPatch as AnyRecord[])])).toEqual(byNumber(after.filter((r) => !unchanged(r))));
      const gone = before.filter((b) => !after.some((r) => r.number === b.number)).map((b) => b.number);
      expect([...changes.remove].sort()).toEqual(gone.sort());
    };
    fc.assert(
      fc.property(fromAndTo, ({ from, to }) => {
        const delta = diffRegistries(from, to);
        expectChanges('licence', from.licences, to.licences, delta.licences);
        expectChanges('filing', from.filings ?? [], to.filings ?? [], delta.filings);
      }),
    );
    // The generated changes are small (a field or two): most changed records go as patches.
    expect(patched).toBeGreaterThan(0);
  });

  const [a, b, c] = RegistrySchema.parse(
    JSON.parse(
      JSON.stringify({
        schemaVersion: 1,
        version: 1,
        generatedAt: '2026-11-22T00:00:00Z',
        licences: [0, 1, 2].map((i) => ({
          number: `京B2-2019048${i}`,
          holder: `公司${i}`,
          legalRepresentative: '张三',
          issuedOn: '2020-01-08',
          validUntil: '2025-01-08',
          services: [],
          sites: [],
          history: [],
          sources: ['a.txt'],
        })),
      }),
    ),
  ).licences;
  const d = { ...a, number: '京B2-20190489' };
  const base: Registry = { schemaVersion: 1, version: 41, generatedAt: '2026-11-21T00:00:00Z', licences: [a, b, c] };
  const next: Registry = {
    schemaVersion: 1,
    version: 42,
    generatedAt: '2026-11-22T00:00:00Z',
    licences: [d, c, { ...b, holder: '改名公司' }],
  };

  it('keeps untouched and changed records where they were and appends new ones', () => {
    const applied = applyDelta(base, diffRegistries(base, next));
    expect(applied.ok && applied.registry.licences).toEqual([{ ...b, holder: '改名公司' }, c, d]);
    expect(applied.ok && 'filings' in applied.registry).toBe(false);
  });

  it('leaves a registry without filings without them, and gives it filings when the delta brings some', () => {
    const withFilings = { ...next, filings: FILINGS };
    const applied = applyDelta(base, diffRegistries(base, withFilings));
    expect(applied.ok && applied.registry.filings).toEqual(FILINGS);
    const emptied = applyDelta(withFilings, diffRegistries(withFilings, { ...next, version: 43, filings: [] }));
    expect(emptied.ok && emptied.registry.filings).toEqual([]);
  });

  it('refuses a base of another version', () => {
    expect(applyDelta({ ...base, version: 40 }, diffRegistries(base, next))).toEqual({
      ok: false,
      problem: 'wrong-base',
      detail: `it applies to version 41 (${registryContentHash(base).slice(0, 12)}…), not to version 40 (${registryContentHash({ ...base, version: 40 }).slice(0, 12)}…)`,
    });
  });

  it('refuses a base of the same version and other content', () => {
    const applied = applyDelta({ ...base, licences: [a, b] }, diffRegistries(base, next));
    expect(applied).toMatchObject({ ok: false, problem: 'wrong-base' });
    expect(!applied.ok && applied.detail).toBe(
      `it applies to version 41 (${registryContentHash(base).slice(0, 12)}…), not to version 41 (${registryContentHash({ ...base, licences: [a, b] }).slice(0, 12)}…)`,
    );
  });

  it('refuses a delta whose result is not what it promises', () => {
    const delta = diffRegistries(base, next);
    const tampered = { ...delta, licences: { ...delta.licences, put: delta.licences.put.map((l) => ({ ...l, holder: '冒名公司' })) } };
    const applied = applyDelta(base, tampered);
    expect(applied).toMatchObject({ ok: false, problem: 'result-mismatch' });
    expect(!applied.ok && applied.detail).toMatch(
      new RegExp(`^the result's content hash is [0-9a-f]{64}, not the ${delta.to.contentHash} it promises$`),
    );
    expect(applyDelta(base, { ...delta, licences: { ...delta.licences, remove: [] } })).toMatchObject({
      ok: false,
      problem: 'result-mismatch',
    });
  });

  it('refuses a delta that removes a record the base lacks', () => {
    const delta = diffRegistries(base, next);
    expect(applyDelta(base, { ...delta, filings: { put: [], remove: ['京ICP备12025439'] } })).toEqual({
      ok: false,
      problem: 'wrong-base',
      detail: 'it removes filing 京ICP备12025439, which the base lacks',
    });
  });

  it('makes no delta to a registry that is not newer', () => {
    expect(() => diffRegistries(next, base)).toThrow('version 41 is not newer than version 42');
  });
});

describe('RegistryDeltaSchema', () => {
  const delta = JSON.parse(JSON.stringify(diffRegistries(filingsOnly(1), { ...filingsOnly(2), filings: [] })));
  const refusal = (value: unknown) => {
    const parsed = RegistryDeltaSchema.safeParse(value);
    return parsed.success ? 'accepted' : z.prettifyError(parsed.error);
  };

  it('accepts a delta as diffRegistries writes it', () => {
    expect(refusal(delta)).toBe('accepted');
    expect(delta.filings.remove).toEqual(FILINGS.map((f) => f.number));
  });

  it('refuses a number both put and removed, or named twice', () => {
    const [filing] = FILINGS;
    expect(refusal({ ...delta, filings: { put: [filing], remove: [filing.number] } })).toBe(
      '✖ filing 京ICP备12025439 is named more than once in put, patch and remove: a delta puts, patches or removes each number once\n  → at filings.remove[0]',
    );
    expect(refusal({ ...delta, filings: { put: [filing, filing], remove: [] } })).toContain(
      'filing 京ICP备12025439 is named more than once',
    );
    expect(refusal({ ...delta, licences: { put: [], remove: ['京B2-20190486', '京B2-20190486'] } })).toContain(
      'licence 京B2-20190486 is named more than once',
    );
  });

  it('refuses a delta that does not lead to a newer version', () => {
    for (const version of [1, 0]) {
      expect(refusal({ ...delta, to: { ...delta.to, version } })).toContain('to.version must be greater than from.version');
    }
  });

  it.each([
    ['a content hash in capitals', (x: RegistryDelta) => ({ ...x, from: { ...x.from, contentHash: x.from.contentHash.toUpperCase() } })],
    ['another kind of file', (x: RegistryDelta) => ({ ...x, kind: 'licence-registry' })],
    ['a removed number not in canonical form', (x: RegistryDelta) => ({ ...x, licences: { put: [], remove: ['京b2 20190486'] } })],
    ['no generatedAt', (x: RegistryDelta) => ({ ...x, to: { version: 2, contentHash: x.to.contentHash } })],
  ])('refuses %s', (_what, change) => {
    expect(refusal(change(delta))).not.toBe('accepted');
  });
});

function filingsOnly(version: number): Registry {
  return { schemaVersion: 1, version, generatedAt: '2026-11-22T00:00:00Z', licences: [], filings: FILINGS };
}
