import type { Licence } from '../registry/schema';
import type { RegistryIndex } from '../registry/registry-index';
import type { RegistryKeys, RegistrySource } from '../registry/registry-source';
import { coveringDomains, licenceCovers, matchHost } from './host-match';
import { licenceStatus } from './licence-status';

export type Verdict = 'listed' | 'expiring' | 'expired' | 'mismatch' | 'claimed' | 'unknown' | 'unlisted';

export interface VerdictResult {
  verdict: Verdict;
  /** The licence the verdict is about: the one listing the host, or for mismatch/claimed the one shown. */
  licence: Licence | null;
  /** The registry domain that covers the host, when it is listed. */
  matchedDomain: string | null;
  daysLeft: number | null;
}

export interface VerdictInput {
  host: string;
  /** Canonical licence numbers (not filings) the page shows. */
  shownLicenceNumbers: readonly string[];
  index: RegistryIndex;
  /** The reader's local date, YYYY-MM-DD. */
  today: string;
}

/** The contract's verdict table (DESIGN.md), in its order of precedence. */
export function computeVerdict({ host, shownLicenceNumbers, index, today }: VerdictInput): VerdictResult {
  const shown = [...new Set(shownLicenceNumbers)].map((n) => index.licence(n));
  const known = shown.filter((l): l is Licence => l !== undefined);

  const borrowed = known.find((l) => l.sites.length > 0 && !licenceCovers(l, host));
  if (borrowed) return { verdict: 'mismatch', licence: borrowed, matchedDomain: null, daysLeft: null };

  const match = matchHost(host, index);
  if (match) {
    const licence = [...match.licences].sort((a, b) => b.validUntil.localeCompare(a.validUntil))[0];
    const { status, daysLeft } = licenceStatus(licence, today);
    const verdict = status === 'valid' ? 'listed' : status;
    return { verdict, licence, matchedDomain: match.domain, daysLeft };
  }

  const unconfirmable = known.find((l) => l.sites.length === 0);
  if (unconfirmable) return { verdict: 'claimed', licence: unconfirmable, matchedDomain: null, daysLeft: null };
  if (shown.length > known.length) return { verdict: 'unknown', licence: null, matchedDomain: null, daysLeft: null };
  return { verdict: 'unlisted', licence: null, matchedDomain: null, daysLeft: null };
}

/** The keys a verdict for `host` reads: the numbers shown and the domains that may cover the host. */
export function verdictKeys(host: string, shownLicenceNumbers: readonly string[]): RegistryKeys {
  return { numbers: shownLicenceNumbers, domains: coveringDomains(host), serials: [], name: null };
}

/** computeVerdict over a registry that is not held whole: only what the verdict reads is loaded. */
export async function verdictFrom(source: RegistrySource, input: Omit<VerdictInput, 'index'>): Promise<VerdictResult> {
  const index = await source.select(verdictKeys(input.host, input.shownLicenceNumbers));
  return computeVerdict({ ...input, index });
}
