import { useEffect, useState } from 'preact/hooks';
import { QueryError, classifyQuery } from '../core/lookup/classify-query';
import { lookupIn, type LicenceWithStatus, type LookupResult } from '../core/lookup/run-lookup';
import { NO_KEYS, type RegistrySource } from '../core/registry/registry-source';
import type { Filing, Licence } from '../core/registry/schema';
import { onListPhrase } from '../core/verdict/verdict-words';
import type { Translate } from '../core/i18n';

type Outcome = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'failed' } | { kind: 'result'; result: LookupResult };

export async function lookUp(query: string, registry: RegistrySource, today: string): Promise<Outcome> {
  if (!query.trim()) return { kind: 'empty' };
  try {
    return { kind: 'result', result: await lookupIn(registry, classifyQuery(query), today) };
  } catch (error) {
    if (error instanceof QueryError) return { kind: 'invalid' };
    console.error('licence lookup:', error);
    return { kind: 'failed' };
  }
}

function ResultButton({ licence, t, onOpen }: { licence: LicenceWithStatus; t: Translate; onOpen: (l: Licence) => void }) {
  return (
    <button type="button" class="result" onClick={() => onOpen(licence)}>
      <strong>{licence.number}</strong> <span>{licence.holder}</span>{' '}
      <span class={`status status-${licence.status}`}>{t(`status_${licence.status}`)}</span>
      {licence.listsInForce.map((list) => (
        <span key={list} class="status status-on-list">
          {' · '}
          {onListPhrase(list, t)}
        </span>
      ))}
    </button>
  );
}

function FilingButton({ filing, t, onOpen }: { filing: Filing; t: Translate; onOpen: (f: Filing) => void }) {
  return (
    <button type="button" class="result" onClick={() => onOpen(filing)}>
      <strong>{filing.number}</strong> <span>{filing.operator}</span> <span class="status status-filed">{t('verdict_filed')}</span>
    </button>
  );
}

/** Manual lookup by number (any spelling), domain or URL, or part of a holder or site name; no network. */
export interface LookupPanelProps {
  registry: RegistrySource;
  today: string;
  t: Translate;
  onOpen: (opened: Licence | Filing) => void;
  /** Text to look up at once, e.g. a selection sent from the context menu. */
  initialQuery?: string;
  /** 1 when the lookup is the popup's main content (no web page to judge), else 2. */
  level?: 1 | 2;
}

export function LookupPanel({ registry, today, t, onOpen, initialQuery = '', level = 2 }: LookupPanelProps) {
  // The field's label is also the section's heading, so a screen reader can jump to the lookup.
  const Heading = level === 1 ? 'h1' : 'h2';
  const [query, setQuery] = useState(initialQuery);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'empty' });
  useEffect(() => {
    // The last answer stays on screen until the next arrives, and an answer to an older query is dropped.
    let current = true;
    void lookUp(query, registry, today).then((next) => current && setOutcome(next));
    return () => {
      current = false;
    };
  }, [query, registry, today]);
  return (
    <section class="lookup">
      <Heading>
        <label for="lookup">{t('lookup_label')}</label>
      </Heading>
      <input
        id="lookup"
        type="search"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('lookup_placeholder')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        // A stored registry reads all its names for the first name search (about a second at a million
        // domains); starting when the field gets focus means the first keystroke rarely waits for it.
        onFocus={() => void registry.select({ ...NO_KEYS, name: '' }).catch(() => undefined)}
      />
      <div role="status" aria-live="polite" class="lookup-results">
        {outcome.kind === 'invalid' && <p>{t('lookup_invalid')}</p>}
        {outcome.kind === 'failed' && <p>{t('lookup_failed')}</p>}
        {outcome.kind === 'result' && outcome.result.type === 'host' && (
          <>
            <p>
              <code>{outcome.result.host}</code>: {t(`verdict_${outcome.result.verdict}`)}
            </p>
            {outcome.result.licence && <ResultButton licence={outcome.result.licence} t={t} onOpen={onOpen} />}
            {!outcome.result.licence && outcome.result.filing && <FilingButton filing={outcome.result.filing} t={t} onOpen={onOpen} />}
          </>
        )}
        {outcome.kind === 'result' && outcome.result.type === 'licences' && (
          <>
            {outcome.result.note && <p>{t('lookup_filing_note')}</p>}
            {!outcome.result.note && outcome.result.licences.length + outcome.result.filings.length === 0 && (
              <p>{t('lookup_no_results')}</p>
            )}
            {outcome.result.licences.length + outcome.result.filings.length > 0 && (
              <ul class="plain">
                {outcome.result.filings.map((f) => (
                  <li key={f.number}>
                    <FilingButton filing={f} t={t} onOpen={onOpen} />
                  </li>
                ))}
                {outcome.result.licences.map((l) => (
                  <li key={l.number}>
                    <ResultButton licence={l} t={t} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
