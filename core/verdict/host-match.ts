import { getDomain } from 'tldts-icann';
import type { Filing, Licence } from '../registry/schema';
import type { RegistryIndex } from '../registry/registry-index';

export interface HostMatch {
  /** The registry domain that covers the host: the host itself, or else its registrable domain. */
  domain: string;
  licences: Licence[];
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** Registrable domain under the ICANN section of the public suffix list, or null for IPs and suffixes. */
export function registrableDomain(host: string): string | null {
  return getDomain(host, { allowPrivateDomains: false });
}

/** The registry domains that may cover `host`, in order: the host itself, then its registrable domain. */
export function coveringDomains(host: string): string[] {
  const exact = normaliseHost(host);
  const registrable = registrableDomain(exact);
  return registrable && registrable !== exact ? [exact, registrable] : [exact];
}

/** Exact host first, then its registrable domain: m.example.com.cn is covered by example.com.cn. */
export function matchHost(host: string, index: RegistryIndex): HostMatch | null {
  for (const domain of coveringDomains(host)) {
    const licences = index.licencesListing(domain);
    if (licences.length > 0) return { domain, licences };
  }
  return null;
}

/** As matchHost, over the registry's ICP filings: the latest filing first. */
export function matchFiling(host: string, index: RegistryIndex): { domain: string; filings: Filing[] } | null {
  for (const domain of coveringDomains(host)) {
    const filings = index.filingsListing(domain);
    if (filings.length > 0) return { domain, filings };
  }
  return null;
}
