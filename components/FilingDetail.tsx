import type { Translator } from '../core/i18n';
import type { Filing } from '../core/registry/schema';
import { CopyButton } from './CopyButton';
import { formatDate } from './format';

// The regulator's filing system, where anyone can confirm a filing by its number or domain.
export const FILING_SYSTEM_URL = 'https://beian.miit.gov.cn/';

export interface FilingDetailProps extends Translator {
  filing: Filing;
  /** The registry domain that covers the visited host, to mark how this site is filed. */
  matchedDomain?: string | null;
  copy: (text: string) => Promise<void>;
  /** 1 when the filing is what the view is about (opened from the lookup), 2 under a verdict. */
  level?: 1 | 2;
}

/** What the registry knows of one ICP filing: whose it is, of what kind, when, and every site it lists. */
export function FilingDetail({ filing, matchedDomain, copy, t, locale, level = 2 }: FilingDetailProps) {
  // Headings a screen reader can jump between: the number heads the filing, its parts sit under it.
  const Heading = level === 1 ? 'h1' : 'h2';
  const Part = level === 1 ? 'h2' : 'h3';
  return (
    <article class="licence filing" aria-label={filing.number}>
      <div class="number-row">
        <Heading class="number">{filing.number}</Heading>
        <CopyButton text={filing.number} t={t} copy={copy} />
      </div>
      <p class="muted">{t('filing_kind')}</p>
      <p>
        <a href={FILING_SYSTEM_URL} target="_blank" rel="noopener noreferrer">
          {t('verify_filing_link')}
        </a>
      </p>
      <dl>
        <dt>{t('field_operator')}</dt>
        <dd>{filing.operator}</dd>
        {filing.nature && (
          <>
            <dt>{t('field_nature')}</dt>
            <dd>{filing.nature}</dd>
          </>
        )}
        <dt>{t('field_record_date')}</dt>
        <dd>{formatDate(filing.date, locale)}</dd>
      </dl>
      <section>
        <Part>{t('section_filed_sites')}</Part>
        <ul class="plain domains">
          {filing.sites.map((site) => (
            <li key={site.domain} class={site.domain === matchedDomain ? 'this-site' : undefined}>
              <code>{site.domain}</code> {site.name}
              <div class="muted">{site.number}</div>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
