import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../core/i18n';
import { BADGES } from '../core/verdict/badge';
import type { VerdictResult } from '../core/verdict/verdict';

/**
 * How long the announcement waits after the popup is drawn. Screen readers speak a live region's changes,
 * not what it held when it appeared, and some only watch a region a moment after it is in the page.
 */
export const ANNOUNCE_DELAY_MS = 150;

/**
 * Says the verdict once to a screen reader when the popup opens (and again only if the verdict changes while
 * it is open): a status region, empty when drawn, filled a moment later. Hidden from sight: the same words
 * are on screen below.
 */
function VerdictAnnouncement({ text }: { text: string }) {
  const [said, setSaid] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSaid(text), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <p role="status" class="visually-hidden" id="verdict-announcement">
      {said}
    </p>
  );
}

/** The verdict in words, with the badge's symbol and colour beside them (never colour alone). */
export function VerdictSummary({ host, result, t }: { host: string; result: VerdictResult; t: Translate }) {
  const badge = BADGES[result.verdict];
  const licence = result.licence;
  const title = t(`verdict_${result.verdict}`);
  const sentence = t(`badge_${result.verdict}`, [host, licence?.number ?? '', licence?.holder ?? '', licence?.validUntil ?? '']);
  return (
    <section class="summary">
      <VerdictAnnouncement text={t('verdict_announcement', [title, sentence])} />
      <div class="verdict" style={{ '--verdict-colour': badge.color ?? '#6b7280' }}>
        <span class="symbol" aria-hidden="true">
          {badge.text || '–'}
        </span>
        <h1 data-verdict={result.verdict}>{title}</h1>
      </div>
      <p>{sentence}</p>
      <p class="advice">{t(`advice_${result.verdict}`)}</p>
    </section>
  );
}
