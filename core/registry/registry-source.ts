import * as z from 'zod/mini';
import type { RegistryIndex } from './registry-index';

/** What a page or the options show about a registry without holding it. */
export const RegistryInfoSchema = z.object({
  version: z.int().check(z.positive()),
  generatedAt: z.string(),
  licences: z.int().check(z.nonnegative()),
  domains: z.int().check(z.nonnegative()),
  /** Absent in records written before registries held filings. */
  filings: z.optional(z.int().check(z.nonnegative())),
});

export type RegistryInfo = z.infer<typeof RegistryInfoSchema>;

/** The keys a verdict or a lookup reads: a source need only load the licences these reach. */
export interface RegistryKeys {
  /** Licence numbers. */
  numbers: readonly string[];
  /** ICP filing numbers (canonical, without a site's suffix). */
  filings: readonly string[];
  domains: readonly string[];
  /** Serials of licence and filing numbers (serialOf), whatever their region. */
  serials: readonly string[];
  /** Part of a holder or site name, or null for no name search. */
  name: string | null;
}

/** A registry written to the registry store under `generation`. */
export interface InstalledGeneration {
  generation: number;
  info: RegistryInfo;
}

/** A stored record that is missing or no longer has the shape it was written with. */
export class StoreCorruptedError extends Error {}

/** A second record with a number the registry being written already holds. */
export class DuplicateNumberError extends Error {
  constructor(
    readonly kind: 'licence' | 'filing',
    readonly number: string,
  ) {
    super(`${kind} ${number} appears more than once`);
  }
}

export const NO_KEYS: RegistryKeys = { numbers: [], filings: [], domains: [], serials: [], name: null };

/**
 * A registry that answers lookups without being held whole: `select` gives an index holding at least
 * every licence and filing the keys reach, so the same pure verdict and lookup code runs over it.
 */
export interface RegistrySource {
  info: RegistryInfo;
  select(keys: RegistryKeys): Promise<RegistryIndex>;
}

export function infoOf(index: RegistryIndex): RegistryInfo {
  const { version, generatedAt, licences, filings } = index.registry;
  return { version, generatedAt, licences: licences.length, domains: index.domainCount(), ...(filings ? { filings: filings.length } : {}) };
}

/** A registry held in memory (the bundled one, the command line's): every selection is the whole index. */
export function memorySource(index: RegistryIndex): RegistrySource {
  return { info: infoOf(index), select: async () => index };
}
