import type { Finding } from '../core/messages';
import { findingKey } from '../core/page/scan-page';
import type { Filing, Licence } from '../core/registry/schema';
import type { Translate } from '../core/i18n';

function FindingList({ findings, registered, t }: { findings: Finding[]; registered: readonly string[]; t: Translate }) {
  return (
    <ul class="plain findings">
      {findings.map((f) => (
        <li key={findingKey(f)}>
          <code>
            {f.canonical}
            {f.suffix ? `-${f.suffix}` : ''}
          </code>{' '}
          {t(`number_kind_${f.kind.replace('-', '_')}`)}
          {f.kind === 'licence' && ` · ${t(registered.includes(f.canonical) ? 'shown_in_registry' : 'shown_not_in_registry')}`}
          {/* A filing the registry lacks is not suspicious: no registry holds them all. */}
          {f.kind === 'icp-filing' && registered.includes(f.canonical) && ` · ${t('shown_in_registry')}`}
          {f.context && <q class="muted">{f.context}</q>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Each number the page shows, with its kind, whether the registry has it and the text around it: what the
 * site claims as its own apart from what it only mentions, and any claimed licence that belongs elsewhere.
 */
export function PageFindings({
  findings,
  registered,
  disagreeing,
  disagreeingFilings = [],
  t,
}: {
  findings: Finding[];
  registered: readonly string[];
  /** Licences the site claims that do not cover it, while the registry lists it under another. */
  disagreeing: readonly Licence[];
  /** The same for ICP filings the site claims. */
  disagreeingFilings?: readonly Filing[];
  t: Translate;
}) {
  const claimed = findings.filter((f) => f.role === 'claim');
  const mentioned = findings.filter((f) => f.role === 'mention');
  if (findings.length === 0) {
    return (
      <section>
        <h2>{t('section_shown')}</h2>
        <p>{t('shown_none')}</p>
      </section>
    );
  }
  return (
    <>
      {claimed.length > 0 && (
        <section>
          <h2>{t('section_claimed')}</h2>
          {disagreeing.map((l) => (
            <p class="note" key={l.number}>
              {t('disagreeing_claim', [l.number, l.holder])}
            </p>
          ))}
          {disagreeingFilings.map((f) => (
            <p class="note" key={f.number}>
              {t('disagreeing_filing', [f.number, f.operator])}
            </p>
          ))}
          <FindingList findings={claimed} registered={registered} t={t} />
        </section>
      )}
      {mentioned.length > 0 && (
        <section>
          <h2>{t('section_mentioned')}</h2>
          <p class="muted">{t('mentioned_note')}</p>
          <FindingList findings={mentioned} registered={registered} t={t} />
        </section>
      )}
    </>
  );
}
