import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../core/i18n';
import { BADGES } from '../core/verdict/badge';
import { listStanding } from '../core/verdict/licence-lists';
import type { VerdictResult } from '../core/verdict/verdict';
import { listSentence, verdictSentence, verdictTitle } from '../core/verdict/verdict-words';

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

/**
 * The verdict in words, with the badge's symbol and colour beside them (never colour alone), and the
 * regulators' lists the licence's operator is on today: a reason for care whatever the verdict.
 */
export function VerdictSummary({ host, result, t, today }: { host: string; result: VerdictResult; t: Translate; today: string }) {
  const badge = BADGES[result.verdict];
  const onLists = listStanding(result.licence?.lists, today).current;
  const title = verdictTitle(result, t);
  const sentence = verdictSentence(host, result, t);
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
      {onLists.map((entry) => (
        <p class="note on-list" key={`${entry.list} ${entry.from}`}>
          {listSentence(entry, today, t)}
        </p>
      ))}
      <p class="advice">{t(`advice_${result.verdict}`)}</p>
    </section>
  );
}
