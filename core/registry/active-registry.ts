import * as z from 'zod/mini';
import type { RegistryIndex } from './registry-index';
import { memorySource, RegistryInfoSchema, StoreCorruptedError, type InstalledGeneration, type RegistrySource } from './registry-source';

/** Changed whenever the store's keys change, so that a store written by another version is not misread. */
export const STORE_FORMAT = 3;

/**
 * A registry accepted from an update or an import and written to the registry store under `generation`.
 * Small, so that a starting worker reads it at once; writing it is what makes that generation active.
 */
export const StoredRegistrySchema = z.object({
  origin: z.enum(['update', 'import']),
  source: z.string(),
  acceptedAt: z.string(),
  keyId: z.string(),
  generation: z.int(),
  /** How the store keeps records: 3 since deltas append chunks; records of older formats are discarded. */
  format: z.literal(STORE_FORMAT),
  info: RegistryInfoSchema,
  /** The content hash of what the generation holds (core/registry/content-hash.ts): a delta names the base it applies to by it. */
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Records the deltas applied since the whole file have superseded: still stored, no longer read (absent: none). */
  superseded: z.optional(z.int().check(z.nonnegative())),
});

export type StoredRegistry = z.infer<typeof StoredRegistrySchema>;

/**
 * Whether the next update should take the whole file rather than deltas: a delta appends what it changes and
 * leaves what that supersedes in the store, so after some weeks of them the store holds half as much again
 * as it reads. The whole file is stored afresh, with nothing superseded.
 */
export const wantsWholeFile = ({ superseded = 0, info }: StoredRegistry): boolean => superseded > (info.licences + (info.filings ?? 0)) / 2;

export interface ActiveRegistry {
  registry: RegistrySource;
  origin: 'bundled' | StoredRegistry['origin'];
  source: string | null;
  /** The store generation in force, or null for the bundled registry. */
  generation: number | null;
}

export type StoredVerdict = 'use' | 'older-than-bundled' | 'corrupted';

export function bundledActive(bundled: RegistryIndex): ActiveRegistry {
  return { registry: memorySource(bundled), origin: 'bundled', source: null, generation: null };
}

/**
 * The registry in force: a stored one while its record is well formed and it is newer than the bundled
 * one; otherwise the bundled one, and why the stored one was not used ('corrupted': its record no longer
 * matches what this version stores). Reads of a stored registry that turn out corrupted are answered
 * from the bundled one and reported to `onCorrupted`.
 */
export function chooseActiveRegistry(
  stored: { value: StoredRegistry | null; invalid: boolean },
  bundled: RegistryIndex,
  store: { source(installed: InstalledGeneration): RegistrySource },
  onCorrupted: (generation: number, problem: string) => void,
): { active: ActiveRegistry; stored: StoredVerdict | null } {
  const fallback = bundledActive(bundled);
  if (stored.invalid) return { active: fallback, stored: 'corrupted' };
  const record = stored.value;
  if (!record) return { active: fallback, stored: null };
  if (record.info.version <= bundled.registry.version) return { active: fallback, stored: 'older-than-bundled' };
  const source = store.source(record);
  const registry: RegistrySource = {
    info: source.info,
    select: async (keys) => {
      try {
        return await source.select(keys);
      } catch (error) {
        if (!(error instanceof StoreCorruptedError)) throw error;
        onCorrupted(record.generation, error.message);
        return fallback.registry.select(keys);
      }
    },
  };
  return { active: { registry, origin: record.origin, source: record.source, generation: record.generation }, stored: 'use' };
}
