import { daysBetween } from '../dates';
import type { Licence } from '../registry/schema';

export type LicenceStatus = 'valid' | 'expiring' | 'expired';

/** Renewal is due 90 days before expiry, so from then on the licence is shown as expiring. */
export const RENEWAL_DAYS = 90;

/** A licence is valid through its validUntil day; `daysLeft` is negative once it has passed. */
export function licenceStatus(licence: Pick<Licence, 'validUntil'>, today: string): { status: LicenceStatus; daysLeft: number } {
  const daysLeft = daysBetween(today, licence.validUntil);
  const status = daysLeft < 0 ? 'expired' : daysLeft <= RENEWAL_DAYS ? 'expiring' : 'valid';
  return { status, daysLeft };
}
