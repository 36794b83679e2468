import type { Finding } from '../core/messages';
import type { Translate } from '../lib/i18n';

/** Each number the page shows, with its kind, whether the registry has it, and the text around it. */
export function PageFindings({ findings, registered, t }: { findings: Finding[]; registered: readonly string[]; t: Translate }) {
  return (
    <section>
      <h2>{t('section_shown')}</h2>
      {findings.length === 0 ? (
        <p>{t('shown_none')}</p>
      ) : (
        <ul class="plain findings">
          {findings.map((f) => (
            <li key={`${f.kind} ${f.canonical} ${f.suffix ?? ''}`}>
              <code>
                {f.canonical}
                {f.suffix ? `-${f.suffix}` : ''}
              </code>{' '}
              {t(`number_kind_${f.kind.replace('-', '_')}`)}
              {f.kind === 'licence' && ` · ${t(registered.includes(f.canonical) ? 'shown_in_registry' : 'shown_not_in_registry')}`}
              {f.context && <q class="muted">{f.context}</q>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
