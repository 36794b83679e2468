import type { DateStatus } from '../core/verdict/licence-status';
import type { Translate } from '../core/i18n';

/** A registry date (YYYY-MM-DD) in the reader's locale; the calendar day itself, whatever the time zone. */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** How a licence stands today by its dates, in words: valid with days left, or expired how long ago. */
export function validityNote(status: DateStatus, daysLeft: number, t: Translate): string {
  if (status === 'expired') return t('validity_expired', [-daysLeft]);
  if (daysLeft === 0) return t('validity_last_day');
  return t(`validity_${status}`, [daysLeft]);
}
