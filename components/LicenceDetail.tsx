import type { Licence } from '../core/registry/schema';
import { listStanding } from '../core/verdict/licence-lists';
import { endInForce, isEnded, licenceStatus } from '../core/verdict/licence-status';
import { endSentence, listSentence } from '../core/verdict/verdict-words';
import type { Translator } from '../core/i18n';
import { CopyButton } from './CopyButton';
import { formatDate, validityNote } from './format';

// The regulator's system where anyone can confirm a licence by its number.
export const REGULATOR_URL = 'https://tsm.miit.gov.cn/';

export interface LicenceDetailProps extends Translator {
  licence: Licence;
  today: string;
  /** The registry domain that covers the visited host, to show how this site is listed. */
  matchedDomain?: string | null;
  copy: (text: string) => Promise<void>;
  /** 1 when the licence is what the view is about (opened from the lookup), 2 under a verdict. */
  level?: 1 | 2;
}

/** Everything the registry knows of one licence, in the order a person checking it asks. */
export function LicenceDetail({ licence, today, matchedDomain, copy, t, locale, level = 2 }: LicenceDetailProps) {
  const { status, daysLeft } = licenceStatus(licence, today);
  const end = endInForce(licence, today);
  const lists = listStanding(licence.lists, today);
  const day = (date: string) => formatDate(date, locale);
  const thisSite = matchedDomain ? licence.sites.filter((s) => s.domain === matchedDomain) : [];
  // Headings a screen reader can jump between: the number heads the licence, its parts sit under it.
  const Heading = level === 1 ? 'h1' : 'h2';
  const Part = level === 1 ? 'h2' : 'h3';
  return (
    <article class="licence" aria-label={licence.number}>
      <div class="number-row">
        <Heading class="number">{licence.number}</Heading>
        <CopyButton text={licence.number} t={t} copy={copy} />
      </div>
      <p>
        <a href={REGULATOR_URL} target="_blank" rel="noopener noreferrer">
          {t('verify_link')}
        </a>
      </p>
      <dl>
        {end && (
          <>
            <dt>{t('field_status')}</dt>
            <dd class={`note ended status-${end.state}`}>{endSentence(end, t, day)}</dd>
          </>
        )}
        <dt>{t('field_holder')}</dt>
        <dd>{licence.holder}</dd>
        <dt>{t('field_legal_representative')}</dt>
        <dd>{licence.legalRepresentative}</dd>
        <dt>{t('field_issued_on')}</dt>
        <dd>{formatDate(licence.issuedOn, locale)}</dd>
        <dt>{t('field_valid_until')}</dt>
        <dd>
          {formatDate(licence.validUntil, locale)}
          {!isEnded(status) && <div class={`status status-${status}`}>{validityNote(status, daysLeft, t)}</div>}
        </dd>
        <dt>{t('field_services')}</dt>
        <dd>
          {licence.services.length === 0 && t('services_none')}
          <ul class="plain">
            {licence.services.map((s) => (
              <li key={s.name}>
                {s.name}
                {s.scope && `（${s.scope}）`}
                {s.restrictions && <div class="muted">{s.restrictions}</div>}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {lists.current.length + lists.past.length > 0 && (
        <section>
          <h2>{t('section_lists')}</h2>
          <ul class="plain lists">
            {lists.current.map((entry) => (
              <li key={`${entry.list} ${entry.from}`} class="note on-list">
                {listSentence(entry, today, t, day)}
              </li>
            ))}
            {lists.past.map((entry) => (
              <li key={`${entry.list} ${entry.from}`} class="muted">
                {listSentence(entry, today, t, day)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {thisSite.length > 0 && (
        <section>
          <Part>{t('section_this_site')}</Part>
          {thisSite.map((site) => (
            <dl key={`${site.kind} ${site.domain}`}>
              <dt>{t('field_site_name')}</dt>
              <dd>
                {site.name} · {t(`kind_${site.kind}`)} · {site.domain}
              </dd>
              <dt>{t('field_server_location')}</dt>
              <dd>{site.serverLocation}</dd>
              <dt>{t('field_access_provider')}</dt>
              <dd>{site.accessProvider}</dd>
            </dl>
          ))}
        </section>
      )}
      <section>
        <Part>{t('section_covers')}</Part>
        {licence.sites.length === 0 ? (
          <p>{t('covers_none')}</p>
        ) : (
          <ul class="plain domains">
            {licence.sites.map((site) => (
              <li key={`${site.kind} ${site.domain}`}>
                <code>{site.domain}</code> {site.name} ({t(`kind_${site.kind}`)})
                <div class="muted">
                  {site.serverLocation} · {site.accessProvider}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {licence.history.length > 0 && (
        <section>
          <Part>{t('section_history')}</Part>
          <ul class="plain">
            {licence.history.map((h) => (
              <li key={h.issuedOn}>
                {t('history_entry', [
                  formatDate(h.issuedOn, locale),
                  formatDate(h.validUntil, locale),
                  h.legalRepresentative,
                  h.sites.length,
                ])}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
