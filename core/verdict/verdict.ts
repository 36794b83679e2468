import type { Filing, Licence } from '../registry/schema';
import type { RegistryIndex } from '../registry/registry-index';
import type { RegistryKeys, RegistrySource } from '../registry/registry-source';
import { coveringDomains, matchFiling, matchHost } from './host-match';
import { endInForce, isEnded, licenceStatus, STANDING } from './licence-status';

export type Verdict = 'listed' | 'expiring' | 'expired' | 'revoked' | 'filed' | 'mismatch' | 'claimed' | 'unknown' | 'unlisted';

export interface VerdictResult {
  verdict: Verdict;
  /** The licence the verdict is about: the one listing the host, or for mismatch/claimed the one claimed. */
  licence: Licence | null;
  /**
   * The ICP filing the verdict is about, when no licence is: for filed the one listing the host, for a
   * mismatch the one claimed.
   */
  filing: Filing | null;
  /** The registry domain that covers the host, when it is listed (by a licence or a filing). */
  matchedDomain: string | null;
  daysLeft: number | null;
  /**
   * Licences the site claims that the registry holds and that do not cover the host, other than `licence`:
   * for a listed host, what the page shows that disagrees with the registry (never changes the verdict).
   */
  disagreeing: Licence[];
  /** As `disagreeing`, for the claimed filings the registry has that do not cover the host. */
  disagreeingFilings: Filing[];
}

export interface VerdictInput {
  host: string;
  /** Canonical licence numbers (not filings) the site shows as its own; mentions in content take no part. */
  claimedLicenceNumbers: readonly string[];
  /** Canonical ICP filing numbers the site shows as its own (without a site's suffix). */
  claimedFilingNumbers?: readonly string[];
  index: RegistryIndex;
  /** The reader's local date, YYYY-MM-DD. */
  today: string;
}

/**
 * The contract's verdict table (docs/verdict.md). The registry decides about a host it knows: when a
 * licence lists the host, its standing is the verdict whatever the page claims; else when a filing lists
 * it, filed. Only for a host the registry does not know do the page's claims speak: a claimed licence
 * listing other domains (mismatch) before a claimed filing listing other domains (mismatch too) before a
 * licence listing none that was cancelled or revoked (revoked) before one listing none (claimed) before
 * a licence number the registry lacks (unknown). A filing number the registry lacks says nothing: filings
 * are too many for any registry to hold them all.
 */
export function computeVerdict({ host, claimedLicenceNumbers, claimedFilingNumbers = [], index, today }: VerdictInput): VerdictResult {
  const claimedNumbers = [...new Set(claimedLicenceNumbers)];
  const claimed = claimedNumbers.map((n) => index.licence(n)).filter((l): l is Licence => l !== undefined);
  const claimedFilings = [...new Set(claimedFilingNumbers)].map((n) => index.filing(n)).filter((f): f is Filing => f !== undefined);
  const match = matchHost(host, index);
  const filed = match ? null : matchFiling(host, index);
  const covering = new Set([...(match?.licences ?? []), ...(filed?.filings ?? [])].map((l) => l.number));
  const others = (licence: Licence | null) =>
    claimed.filter((l) => l.number !== licence?.number && !covering.has(l.number) && l.sites.length > 0);
  const otherFilings = (filing: Filing | null) =>
    claimedFilings.filter((f) => f.number !== filing?.number && !covering.has(f.number) && f.sites.length > 0);
  const result = (
    verdict: Verdict,
    about: { licence?: Licence; filing?: Filing; matchedDomain?: string; daysLeft?: number } = {},
  ): VerdictResult => ({
    verdict,
    licence: about.licence ?? null,
    filing: about.filing ?? null,
    matchedDomain: about.matchedDomain ?? null,
    daysLeft: about.daysLeft ?? null,
    disagreeing: others(about.licence ?? null),
    disagreeingFilings: otherFilings(about.filing ?? null),
  });

  if (match) {
    const [best] = match.licences
      .map((licence) => ({ licence, ...licenceStatus(licence, today) }))
      .sort((a, b) => STANDING[a.status] - STANDING[b.status] || b.licence.validUntil.localeCompare(a.licence.validUntil));
    const { licence, status, daysLeft } = best;
    const verdict = status === 'valid' ? 'listed' : isEnded(status) ? 'revoked' : status;
    return result(verdict, { licence, matchedDomain: match.domain, daysLeft });
  }
  if (filed) return result('filed', { filing: filed.filings[0], matchedDomain: filed.domain });

  const borrowed = claimed.find((l) => l.sites.length > 0);
  if (borrowed) return result('mismatch', { licence: borrowed });
  const borrowedFiling = claimedFilings.find((f) => f.sites.length > 0);
  if (borrowedFiling) return result('mismatch', { filing: borrowedFiling });
  // A borrowed number (mismatch above) is the stronger warning; among numbers that list no domains, one the
  // regulator has ended says more than one that merely cannot be confirmed.
  const unconfirmable = claimed.filter((l) => l.sites.length === 0);
  const ended = unconfirmable.find((l) => endInForce(l, today));
  if (ended) return result('revoked', { licence: ended });
  if (unconfirmable.length > 0) return result('claimed', { licence: unconfirmable[0] });
  if (claimedNumbers.length > claimed.length) return result('unknown');
  return result('unlisted');
}

/** The keys a verdict for `host` reads: the numbers claimed and the domains that may cover the host. */
export function verdictKeys(
  host: string,
  claimedLicenceNumbers: readonly string[],
  claimedFilingNumbers: readonly string[] = [],
): RegistryKeys {
  return { numbers: claimedLicenceNumbers, filings: claimedFilingNumbers, domains: coveringDomains(host), serials: [], name: null };
}

/** computeVerdict over a registry that is not held whole: only what the verdict reads is loaded. */
export async function verdictFrom(source: RegistrySource, input: Omit<VerdictInput, 'index'>): Promise<VerdictResult> {
  const index = await source.select(verdictKeys(input.host, input.claimedLicenceNumbers, input.claimedFilingNumbers));
  return computeVerdict({ ...input, index });
}
