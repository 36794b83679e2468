// The content hash of a registry: what a delta names as its base and promises as its result.
//
// It is a sum, not a hash of the file, so that a reader can keep it up to date record by record: applying
// a delta subtracts the hash of every record removed or replaced and adds the hash of every record put,
// without reading the records the delta leaves alone (at national scale, nearly all of a million). A sum
// is order-independent, so where a record sits in the file or the store does not matter either.
//
// What it guards against is accidental divergence: a reader whose stored registry is not the one the
// publisher diffed against (a missed or half-applied step, a bug, a store that changed underneath), or a
// delta applied wrongly; either way the reader falls back to the whole file. It is no defence against an
// adversary: an additive hash of chosen records can be made to collide (Wagner's generalised birthday
// attack). What makes a delta trustworthy is the publisher's signature over it, checked first.
//
// Both sides hash the parsed form: the record as zod's LicenceSchema / FilingSchema parse gives it, so
// keys come in the schema's order, unknown fields are dropped, and the publisher's spelling of the file
// (key order, white space, escapes) cannot make two equal registries hash differently.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { Filing, Licence, Registry } from './schema';

export type RecordKind = 'licence' | 'filing';

const BYTES = 32;
const encoder = new TextEncoder();

/**
 * SHA-256 of the UTF-8 bytes of `${kind}\n${JSON.stringify(record)}`. Synchronous (noble), since
 * WebCrypto's digest is asynchronous and costs a promise per call, a million times per registry.
 */
function recordDigest(kind: RecordKind, record: Licence | Filing): Uint8Array {
  return sha256(encoder.encode(`${kind}\n${JSON.stringify(record)}`));
}

/**
 * The sum modulo 2^256 of the records' SHA-256 digests, each read as a 256-bit little-endian integer (a
 * multiset hash: removing a record is subtracting its digest). `hex()` is that sum's 32 bytes, little-endian,
 * in lower-case hex: a registry of one record has its record's SHA-256 as content hash, an empty one zeros.
 */
export class ContentSum {
  private constructor(private readonly bytes: Uint8Array) {}

  static empty(): ContentSum {
    return new ContentSum(new Uint8Array(BYTES));
  }

  /** The sum `hex()` wrote; null for anything else (wrong length, upper case, not hex). */
  static fromHex(hex: string): ContentSum | null {
    return /^[0-9a-f]{64}$/.test(hex) ? new ContentSum(hexToBytes(hex)) : null;
  }

  add(kind: RecordKind, record: Licence | Filing): void {
    const digest = recordDigest(kind, record);
    let carry = 0;
    for (let i = 0; i < BYTES; i++) {
      const sum = this.bytes[i] + digest[i] + carry;
      this.bytes[i] = sum;
      carry = sum >> 8;
    }
  }

  remove(kind: RecordKind, record: Licence | Filing): void {
    const digest = recordDigest(kind, record);
    let borrow = 0;
    for (let i = 0; i < BYTES; i++) {
      const difference = this.bytes[i] - digest[i] - borrow;
      // A Uint8Array stores a negative difference modulo 256, which is the byte subtraction leaves.
      this.bytes[i] = difference;
      borrow = difference < 0 ? 1 : 0;
    }
  }

  hex(): string {
    return bytesToHex(this.bytes);
  }
}

/** The content hash of a parsed registry: its licences and its filings (none when it has no `filings`). */
export function registryContentHash(registry: Registry): string {
  const sum = ContentSum.empty();
  for (const licence of registry.licences) sum.add('licence', licence);
  for (const filing of registry.filings ?? []) sum.add('filing', filing);
  return sum.hex();
}
