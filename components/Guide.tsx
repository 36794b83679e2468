import { daysBetween } from '../core/dates';
import { BADGES } from '../core/verdict/badge';
import type { Verdict } from '../core/verdict/verdict';
import type { Translator } from '../core/i18n';
import { formatDate } from './format';

const ORDER: Verdict[] = ['listed', 'expiring', 'expired', 'revoked', 'filed', 'mismatch', 'claimed', 'unknown', 'unlisted'];

export interface GuideProps extends Translator {
  registry: { version: number; generatedAt: string; licences: number; domains: number };
  today: string;
}

/** The first-run guide: the badge's symbols and colours, what is not checked, privacy, and the registry. */
export function Guide({ registry, today, t, locale }: GuideProps) {
  const built = registry.generatedAt.slice(0, 10);
  return (
    <main class="guide">
      <h1>{t('guide_title')}</h1>
      <p>{t('guide_intro')}</p>
      <h2>{t('guide_badges')}</h2>
      <ul class="plain badges">
        {ORDER.map((verdict) => (
          <li key={verdict} class="verdict" style={{ '--verdict-colour': BADGES[verdict].color ?? 'transparent' }}>
            <span class={`symbol${verdict === 'unlisted' ? ' empty' : ''}`} aria-hidden="true">
              {BADGES[verdict].text}
            </span>
            <div>
              <strong>{t(`verdict_${verdict}`)}</strong>
              <div>{t(`advice_${verdict}`)}</div>
            </div>
          </li>
        ))}
      </ul>
      <h2>{t('guide_not_checked')}</h2>
      <p>{t('guide_not_checked_text')}</p>
      <h2>{t('guide_offline')}</h2>
      <p>{t('guide_offline_text')}</p>
      <h2>{t('guide_registry')}</h2>
      <p>
        {t('guide_registry_text', [
          registry.version,
          formatDate(built, locale),
          Math.max(0, daysBetween(built, today)),
          registry.licences.toLocaleString(locale),
          registry.domains.toLocaleString(locale),
        ])}
      </p>
    </main>
  );
}
