import * as z from 'zod/mini';
import type { RecordKind } from '../registry/content-hash';
import { FilingSchema, LicenceSchema } from '../registry/schema';

const contentHash = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected a content hash: 64 lower-case hex digits'));
const version = z.int().check(z.positive());

/**
 * A changed record given by the fields that changed: `set` replaces whole top-level fields (or adds them),
 * `unset` drops optional ones. The result must pass the record's schema; a number is never changed.
 */
function patchOf(number: z.ZodMiniType<string>) {
  return z.object({ number, set: z.record(z.string(), z.unknown()), unset: z.optional(z.array(z.string())) }).check(
    z.refine((patch) => !Object.hasOwn(patch.set, 'number') && !(patch.unset ?? []).includes('number'), {
      message: 'a patch cannot change the number it is for',
    }),
  );
}

export type RecordPatch = { number: string; set: Record<string, unknown>; unset?: string[] };

/**
 * One kind of record's changes: `put` holds added records whole (and changed ones, when whole is shorter),
 * `patch` changed records by their changed fields, `remove` the numbers of removed ones. A number is named
 * at most once across the three, so the result never depends on the order in which a reader applies them.
 */
function changes<R extends { number: string }>(kind: RecordKind, record: z.ZodMiniType<R>, number: z.ZodMiniType<string>) {
  return z.object({ put: z.array(record), patch: z.optional(z.array(patchOf(number))), remove: z.array(number) }).check(
    z.superRefine((value, ctx) => {
      const seen = new Set<string>();
      const named: [string, string[]][] = [
        ['put', value.put.map((r) => r.number)],
        ['patch', (value.patch ?? []).map((p) => p.number)],
        ['remove', value.remove],
      ];
      for (const [list, numbers] of named) {
        for (const [i, n] of numbers.entries()) {
          if (seen.has(n)) {
            ctx.addIssue({
              code: 'custom',
              message: `${kind} ${n} is named more than once in put, patch and remove: a delta puts, patches or removes each number once`,
              path: [list, i],
              input: value,
            });
          }
          seen.add(n);
        }
      }
    }),
  );
}

/** A delta taking the registry of content hash `from` to the one of content hash `to` (docs/registry-format.md, Deltas). */
export const RegistryDeltaSchema = z
  .object({
    kind: z.literal('licence-registry-delta'),
    schemaVersion: z.literal(1),
    from: z.object({ version, contentHash }),
    to: z.object({ version, generatedAt: z.iso.datetime({ offset: true }), contentHash }),
    licences: changes('licence', LicenceSchema, LicenceSchema.shape.number),
    filings: changes('filing', FilingSchema, FilingSchema.shape.number),
  })
  .check(
    z.refine((delta) => delta.to.version > delta.from.version, {
      message: 'to.version must be greater than from.version: a delta leads to a newer registry',
      path: ['to', 'version'],
    }),
  );

export type RegistryDelta = z.infer<typeof RegistryDeltaSchema>;
