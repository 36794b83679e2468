import * as z from 'zod/mini';
import { RegistryIndex } from '../core/registry/registry-index';
import { RegistrySchema, type Registry } from '../core/registry/schema';

/** A registry accepted from an update or an import, kept as the exact text that was verified. */
export const StoredRegistrySchema = z.object({
  origin: z.enum(['update', 'import']),
  text: z.string(),
  source: z.string(),
  acceptedAt: z.string(),
  keyId: z.string(),
});

export type StoredRegistry = z.infer<typeof StoredRegistrySchema>;

export interface ActiveRegistry {
  index: RegistryIndex;
  origin: 'bundled' | StoredRegistry['origin'];
  source: string | null;
}

export type StoredVerdict = 'use' | 'older-than-bundled' | 'corrupted';

/**
 * The registry in force: a stored one while it parses, passes the schema and is newer than the bundled
 * one; otherwise the bundled one, with the reason the stored one was not used.
 */
export function chooseActiveRegistry(stored: StoredRegistry | null, bundled: RegistryIndex): { active: ActiveRegistry; stored: StoredVerdict | null; problem?: string } {
  const fallback: ActiveRegistry = { index: bundled, origin: 'bundled', source: null };
  if (!stored) return { active: fallback, stored: null };
  let registry: Registry;
  try {
    const parsed = RegistrySchema.safeParse(JSON.parse(stored.text));
    if (!parsed.success) return { active: fallback, stored: 'corrupted', problem: 'it no longer matches the registry schema' };
    registry = parsed.data;
  } catch (error) {
    return { active: fallback, stored: 'corrupted', problem: `it is not valid JSON (${(error as Error).message})` };
  }
  if (registry.version <= bundled.registry.version) return { active: fallback, stored: 'older-than-bundled' };
  return { active: { index: new RegistryIndex(registry), origin: stored.origin, source: stored.source }, stored: 'use' };
}
