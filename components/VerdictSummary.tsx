import { BADGES } from '../core/verdict/badge';
import type { VerdictResult } from '../core/verdict/verdict';
import type { Translate } from '../core/i18n';

/** The verdict in words, with the badge's symbol and colour beside them (never colour alone). */
export function VerdictSummary({ host, result, t }: { host: string; result: VerdictResult; t: Translate }) {
  const badge = BADGES[result.verdict];
  const licence = result.licence;
  return (
    <section class="summary" aria-live="polite">
      <div class="verdict" style={{ '--verdict-colour': badge.color ?? '#6b7280' }}>
        <span class="symbol" aria-hidden="true">
          {badge.text || '–'}
        </span>
        <h1 data-verdict={result.verdict}>{t(`verdict_${result.verdict}`)}</h1>
      </div>
      <p>{t(`badge_${result.verdict}`, [host, licence?.number ?? '', licence?.holder ?? '', licence?.validUntil ?? ''])}</p>
      <p class="advice">{t(`advice_${result.verdict}`)}</p>
    </section>
  );
}
