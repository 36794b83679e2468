import * as z from 'zod/mini';
import type { RecordKind } from '../registry/content-hash';
import { FilingSchema, LicenceSchema } from '../registry/schema';

const contentHash = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected a content hash: 64 lower-case hex digits'));
const version = z.int().check(z.positive());

/**
 * One kind of record's changes: `put` holds added and changed records whole, `remove` the numbers of
 * removed ones. A number is named at most once across both, so the result never depends on the order in
 * which a reader applies them.
 */
function changes<R extends { number: string }>(kind: RecordKind, record: z.ZodMiniType<R>, number: z.ZodMiniType<string>) {
  return z.object({ put: z.array(record), remove: z.array(number) }).check(
    z.superRefine((value, ctx) => {
      const seen = new Set<string>();
      const named: [string, string[]][] = [
        ['put', value.put.map((r) => r.number)],
        ['remove', value.remove],
      ];
      for (const [list, numbers] of named) {
        for (const [i, n] of numbers.entries()) {
          if (seen.has(n)) {
            ctx.addIssue({
              code: 'custom',
              message: `${kind} ${n} is named more than once in put and remove: a delta puts or removes each number once`,
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
