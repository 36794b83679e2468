import { BADGES } from '../core/verdict/badge';
import type { VerdictResult } from '../core/verdict/verdict';

export interface TabVerdictViewProps {
  host: string;
  result: VerdictResult;
  t: (key: string, substitutions?: string[]) => string;
}

/** The verdict for one tab in words, with the badge's symbol and colour beside them (never colour alone). */
export function TabVerdictView({ host, result, t }: TabVerdictViewProps) {
  const badge = BADGES[result.verdict];
  const licence = result.licence;
  return (
    <section aria-live="polite">
      <div class="verdict" style={{ '--verdict-colour': badge.color ?? '#6b7280' }}>
        <span class="symbol" aria-hidden="true">
          {badge.text || '–'}
        </span>
        <h1 data-verdict={result.verdict}>{t(`verdict_${result.verdict}`)}</h1>
      </div>
      <p>{t(`badge_${result.verdict}`, [host, licence?.number ?? '', licence?.holder ?? '', licence?.validUntil ?? ''])}</p>
      {licence && (
        <dl>
          <dt>{t('field_number')}</dt>
          <dd>{licence.number}</dd>
          <dt>{t('field_holder')}</dt>
          <dd>{licence.holder}</dd>
          <dt>{t('field_valid_until')}</dt>
          <dd>{licence.validUntil}</dd>
        </dl>
      )}
    </section>
  );
}
