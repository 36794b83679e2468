import { BADGES } from '../core/verdict/badge';
import { listStanding } from '../core/verdict/licence-lists';
import type { VerdictResult } from '../core/verdict/verdict';
import { listSentence, verdictSentence, verdictTitle } from '../core/verdict/verdict-words';
import type { Translate } from '../core/i18n';

/**
 * The verdict in words, with the badge's symbol and colour beside them (never colour alone), and the
 * regulators' lists the licence's operator is on today: a reason for care whatever the verdict.
 */
export function VerdictSummary({ host, result, t, today }: { host: string; result: VerdictResult; t: Translate; today: string }) {
  const badge = BADGES[result.verdict];
  const onLists = listStanding(result.licence?.lists, today).current;
  return (
    <section class="summary" aria-live="polite">
      <div class="verdict" style={{ '--verdict-colour': badge.color ?? '#6b7280' }}>
        <span class="symbol" aria-hidden="true">
          {badge.text || '–'}
        </span>
        <h1 data-verdict={result.verdict}>{verdictTitle(result, t)}</h1>
      </div>
      <p>{verdictSentence(host, result, t)}</p>
      {onLists.map((entry) => (
        <p class="note on-list" key={`${entry.list} ${entry.from}`}>
          {listSentence(entry, today, t)}
        </p>
      ))}
      <p class="advice">{t(`advice_${result.verdict}`)}</p>
    </section>
  );
}
