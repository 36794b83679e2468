import { ContentSum } from './content-hash';
import { domainsOf } from './registry-index';
import type { Filing, Licence } from './schema';

/** Two FNV-1a hashes of a string, as one number below 2^53: distinct domains among a million collide about never. */
function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x0100019d);
  }
  return (b >>> 11) * 2 ** 32 + (a >>> 0);
}

/**
 * What a registry holds, counted as its records stream past: the counts the options page shows and the
 * content hash a delta names its base by. Licensed domains are counted by hash in a flat array, sorted
 * once at the end: some 8 MB for a million domains, where a Set of the names would take ten times that.
 */
export class RegistryTally {
  licences = 0;
  filings = 0;
  /** Whether the registry has a list of filings at all (an empty one counts): older registries have none. */
  filingList = false;
  readonly sum = ContentSum.empty();
  private domainHashes = new Float64Array(1024);
  private domainRows = 0;

  addLicence(licence: Licence): void {
    this.licences++;
    this.sum.add('licence', licence);
    for (const domain of domainsOf(licence)) {
      if (this.domainRows === this.domainHashes.length) {
        const grown = new Float64Array(this.domainHashes.length * 2);
        grown.set(this.domainHashes);
        this.domainHashes = grown;
      }
      this.domainHashes[this.domainRows++] = hash53(domain);
    }
  }

  addFiling(filing: Filing): void {
    this.filings++;
    this.sum.add('filing', filing);
  }

  /** Distinct licensed domains. */
  domains(): number {
    const sorted = this.domainHashes.subarray(0, this.domainRows).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    return distinct;
  }
}
