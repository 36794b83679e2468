import { daysBetween } from '../dates';
import type { Licence, LicenceEnd } from '../registry/schema';

/** How a licence stands by its dates alone. */
export type DateStatus = 'valid' | 'expiring' | 'expired';
export type LicenceStatus = DateStatus | LicenceEnd['state'];

/** Renewal is due 90 days before expiry, so from then on the licence is shown as expiring. */
export const RENEWAL_DAYS = 90;

/** A licence is valid through its validUntil day; `daysLeft` is negative once it has passed. */
export function dateStatus(validUntil: string, today: string): { status: DateStatus; daysLeft: number } {
  const daysLeft = daysBetween(today, validUntil);
  const status = daysLeft < 0 ? 'expired' : daysLeft <= RENEWAL_DAYS ? 'expiring' : 'valid';
  return { status, daysLeft };
}

/** The cancellation or revocation that has taken effect by `today`; one dated later does not count yet. */
export function endInForce(licence: Pick<Licence, 'end'>, today: string): LicenceEnd | null {
  return licence.end && daysBetween(licence.end.on, today) >= 0 ? licence.end : null;
}

/**
 * A cancelled or revoked licence is that from its `end.on` day, whatever its dates say; before then the
 * dates decide. `daysLeft` always counts to `validUntil`, so a reader still sees when it would have ended.
 */
export function licenceStatus(licence: Pick<Licence, 'validUntil' | 'end'>, today: string): { status: LicenceStatus; daysLeft: number } {
  const byDates = dateStatus(licence.validUntil, today);
  const end = endInForce(licence, today);
  return end ? { status: end.state, daysLeft: byDates.daysLeft } : byDates;
}

/** Best standing first: in force, then close to expiry, then lapsed, then ended by the regulator. */
export const STANDING: Readonly<Record<LicenceStatus, number>> = { valid: 0, expiring: 1, expired: 2, revoked: 3, cancelled: 3 };

export function isEnded(status: LicenceStatus): status is LicenceEnd['state'] {
  return status === 'revoked' || status === 'cancelled';
}
