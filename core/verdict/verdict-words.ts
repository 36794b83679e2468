import { daysBetween } from '../dates';
import type { Translate } from '../i18n';
import type { LicenceEnd, ListEntry } from '../registry/schema';
import type { VerdictResult } from './verdict';

/** How a date is written; the badge tooltip keeps the registry's YYYY-MM-DD, the popup may spell it out. */
type FormatDay = (isoDate: string) => string;
const asIs: FormatDay = (date) => date;

function withReason(sentence: string, reason: string, t: Translate): string {
  return reason.trim() ? t('with_reason', [sentence, reason.trim()]) : sentence;
}

/** What happened to the licence, when, who decided and why: "Revoked on 2025-03-01 by 广东省通信管理局: …". */
export function endSentence(end: LicenceEnd, t: Translate, formatDay: FormatDay = asIs): string {
  const sentence = end.authority.trim()
    ? t(`end_${end.state}`, [formatDay(end.on), end.authority.trim()])
    : t(`end_${end.state}_no_authority`, [formatDay(end.on)]);
  return withReason(sentence, end.reason, t);
}

/** A list's name as a message-name part: `bad-operators` → `bad_operators`. */
const listKey = (list: ListEntry['list']) => list.replace('-', '_');

/** "on the bad-operators list", as a lookup result says it. */
export function onListPhrase(list: ListEntry['list'], t: Translate): string {
  return t(`list_short_${listKey(list)}`);
}

/** One time on a regulator's list, as it stands on `date` (over, or in force), with who decided and why. */
export function listSentence(entry: ListEntry, date: string, t: Translate, formatDay: FormatDay = asIs): string {
  const list = t(`list_${listKey(entry.list)}`);
  const authority = entry.authority.trim() || t('authority_unnamed');
  const from = formatDay(entry.from);
  if (!entry.until) return withReason(t('list_current', [list, from, authority]), entry.reason, t);
  const key = daysBetween(entry.until, date) >= 0 ? 'list_past' : 'list_current_until';
  const sentence = t(key, [list, from, formatDay(entry.until), authority]);
  return withReason(sentence, entry.reason, t);
}

/**
 * The verdict in one sentence, as the badge's tooltip and the popup's summary say it. A revoked verdict also
 * says what ended the licence, so the tooltip alone tells when and by whom.
 */
export function verdictSentence(host: string, { verdict, licence, filing }: VerdictResult, t: Translate): string {
  if (filing && !licence)
    return t(verdict === 'mismatch' ? 'badge_mismatch_filing' : `badge_${verdict}`, [host, filing.number, filing.operator]);
  const substitutions = [host, licence?.number ?? '', licence?.holder ?? '', licence?.validUntil ?? ''];
  if (verdict === 'revoked' && licence?.end) substitutions.push(endSentence(licence.end, t));
  return t(`badge_${verdict}`, substitutions);
}

/** The verdict's name as a heading: a borrowed filing number is named as such, not as a borrowed licence. */
export function verdictTitle({ verdict, licence, filing }: VerdictResult, t: Translate): string {
  return t(verdict === 'mismatch' && filing && !licence ? 'verdict_mismatch_filing' : `verdict_${verdict}`);
}
