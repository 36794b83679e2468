// How a registry is cut into buckets for an indexed store: one read answers a lookup by domain, by
// number or by serial, and the store never needs the whole registry in memory.
import * as z from 'zod/mini';
import { nameEntries, serialOf } from './registry-index';
import type { Filing, Licence, Registry } from './schema';

/** Changed whenever the cut changes, so a store written by another build is not misread. */
export const BUCKET_FORMAT = 1;
// Reading a bucket costs about its size: a licence with its sites is some 1 KB, a domain entry some 40 bytes.
const LICENCES_PER_BUCKET = 8;
// A filing is some 200 bytes.
const FILINGS_PER_BUCKET = 32;
const DOMAINS_PER_BUCKET = 64;
const NAMES_PER_CHUNK = 4096;

/** How many buckets of each kind a stored registry was cut into; checked when its record is read back. */
export const BucketLayoutSchema = z.object({
  format: z.literal(BUCKET_FORMAT),
  licenceBuckets: z.int().check(z.positive()),
  domainBuckets: z.int().check(z.positive()),
  nameChunks: z.int().check(z.nonnegative()),
  /** Absent (none) in stores written before registries held filings, which stay readable as they are. */
  filingBuckets: z.optional(z.int().check(z.nonnegative())),
});

export type BucketLayout = z.infer<typeof BucketLayoutSchema>;

/** A holder or site name folded for search, the licence it names, and 1 when it is the holder. */
export type NameRow = [key: string, number: string, holder: 0 | 1];

export interface BucketedRegistry {
  layout: BucketLayout;
  /** Licences by the bucket of their serial, so that one bucket answers both number and serial. */
  licences: Licence[][];
  /**
   * Domain → the numbers of the licences and filings that list it, by the bucket of the domain: one read
   * per domain answers both (a filing number is told apart by isFilingNumber).
   */
  domains: Record<string, string[]>[];
  /** Filings by the bucket of their serial. */
  filings: Filing[][];
  names: NameRow[][];
  domainCount: number;
}

/** FNV-1a over UTF-16 code units: stable across browsers and builds, and cheap. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function bucketCount(entries: number, perBucket: number): number {
  let buckets = 1;
  while (buckets * perBucket < entries) buckets *= 2;
  return buckets;
}

export function bucketOf(key: string, buckets: number): number {
  return hash(key) % buckets;
}

export function bucketRegistry(registry: Registry): BucketedRegistry {
  const domainNumbers = new Map<string, string[]>();
  const names: NameRow[] = [];
  const listDomains = (entry: Licence | Filing) => {
    for (const domain of new Set(entry.sites.map((s) => s.domain))) {
      const numbers = domainNumbers.get(domain);
      if (numbers) numbers.push(entry.number);
      else domainNumbers.set(domain, [entry.number]);
    }
  };
  for (const licence of registry.licences) {
    listDomains(licence);
    for (const entry of nameEntries(licence)) names.push([entry.key, licence.number, entry.holder ? 1 : 0]);
  }
  // The count shown is of licensed domains, as a registry held in memory gives it.
  const domainCount = domainNumbers.size;
  const filed = registry.filings ?? [];
  for (const filing of filed) listDomains(filing);
  const layout: BucketLayout = {
    format: BUCKET_FORMAT,
    licenceBuckets: bucketCount(registry.licences.length, LICENCES_PER_BUCKET),
    domainBuckets: bucketCount(domainNumbers.size, DOMAINS_PER_BUCKET),
    nameChunks: Math.ceil(names.length / NAMES_PER_CHUNK),
    ...(filed.length > 0 ? { filingBuckets: bucketCount(filed.length, FILINGS_PER_BUCKET) } : {}),
  };
  const licences: Licence[][] = Array.from({ length: layout.licenceBuckets }, () => []);
  for (const licence of registry.licences) licences[bucketOf(serialOf(licence.number), layout.licenceBuckets)].push(licence);
  const filings: Filing[][] = Array.from({ length: layout.filingBuckets ?? 0 }, () => []);
  for (const filing of filed) filings[bucketOf(serialOf(filing.number), filings.length)].push(filing);
  const domains: Record<string, string[]>[] = Array.from({ length: layout.domainBuckets }, () => ({}));
  for (const [domain, numbers] of domainNumbers) domains[bucketOf(domain, layout.domainBuckets)][domain] = numbers;
  const chunks = Array.from({ length: layout.nameChunks }, (_, i) => names.slice(i * NAMES_PER_CHUNK, (i + 1) * NAMES_PER_CHUNK));
  return { layout, licences, domains, filings, names: chunks, domainCount };
}
