import { getDomain } from 'tldts';
import type { Licence } from '../registry/schema';
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

/** Exact host first, then its registrable domain: m.example.com.cn is covered by example.com.cn. */
export function matchHost(host: string, index: RegistryIndex): HostMatch | null {
  const exact = normaliseHost(host);
  const exactLicences = index.licencesListing(exact);
  if (exactLicences.length > 0) return { domain: exact, licences: exactLicences };
  const registrable = registrableDomain(exact);
  if (registrable && registrable !== exact) {
    const licences = index.licencesListing(registrable);
    if (licences.length > 0) return { domain: registrable, licences };
  }
  return null;
}

/** Whether `licence` lists `host` by the same rule as matchHost. */
export function licenceCovers(licence: Licence, host: string): boolean {
  const exact = normaliseHost(host);
  const registrable = registrableDomain(exact);
  return licence.sites.some((s) => s.domain === exact || s.domain === registrable);
}
