import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../core/messages';
import type { RegistrySource } from '../core/registry/registry-source';
import type { Filing, Licence } from '../core/registry/schema';
import type { VerdictResult } from '../core/verdict/verdict';
import type { Translator } from '../core/i18n';
import { FilingDetail } from './FilingDetail';
import { formatDate } from './format';
import { LicenceDetail } from './LicenceDetail';
import { LookupPanel, lookUp } from './LookupPanel';
import { PageFindings } from './PageFindings';
import { VerdictSummary } from './VerdictSummary';

export interface TabView {
  host: string;
  result: VerdictResult;
  findings: Finding[];
  /** The licence and filing numbers among the findings that the registry holds. */
  registered: string[];
}

export interface PopupProps extends Translator {
  /** The tab's verdict, or null when the tab is not a web page. */
  tab: TabView | null;
  registry: RegistrySource;
  today: string;
  copy: (text: string) => Promise<void>;
  openOptions: () => void;
  openGuide: () => void;
  /** A lookup to run at once (`popup.html?q=…`, from the context menu); a single match opens directly. */
  initialQuery?: string;
}

/** What a detail view shows: a licence, or an ICP filing (told apart by its operator). */
export type Opened = Licence | Filing;
const isFiling = (opened: Opened): opened is Filing => 'operator' in opened;

/** The one licence or filing a query finds, if it finds exactly one. */
async function onlyMatch(query: string, registry: RegistrySource, today: string): Promise<Opened | null> {
  const outcome = await lookUp(query, registry, today);
  if (outcome.kind !== 'result') return null;
  const { result } = outcome;
  const hostMatch: Opened | null = result.type === 'host' ? (result.licence ?? result.filing) : null;
  const found: Opened[] = result.type === 'host' ? (hostMatch ? [hostMatch] : []) : [...result.filings, ...result.licences];
  return found.length === 1 ? found[0] : null;
}

export function Popup({ tab, registry, today, copy, openOptions, openGuide, initialQuery, t, locale }: PopupProps) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const back = useRef<HTMLButtonElement>(null);
  const main = useRef<HTMLDivElement>(null);
  // What had focus when a licence was opened (its result button), to give focus back to on leaving it.
  const returnTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  const open = (what: Opened) => {
    returnTo.current = document.activeElement as HTMLElement | null;
    setOpened(what);
  };
  useEffect(() => {
    if (initialQuery) void onlyMatch(initialQuery, registry, today).then((only) => only && setOpened(only));
    // Only for the query the page was opened with: a later registry change must not reopen a detail view.
  }, [initialQuery]);
  // Keyboard focus follows the view, never left on the page's body: onto Back when a licence opens, and
  // when it closes back where it was (or on the lookup field, when the licence opened with the popup).
  useEffect(() => {
    if (opened) back.current?.focus();
    else if (wasOpen.current) {
      const from = returnTo.current && main.current?.contains(returnTo.current) ? returnTo.current : null;
      (from ?? main.current?.querySelector<HTMLElement>('#lookup'))?.focus();
    }
    wasOpen.current = opened !== null;
  }, [opened]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && opened) {
        e.preventDefault();
        setOpened(null);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [opened]);

  const { info } = registry;
  // The main view stays in the page while a licence is open, hidden, so the lookup keeps its query and results.
  return (
    <main>
      {opened && (
        <>
          <button type="button" class="small" ref={back} onClick={() => setOpened(null)}>
            ← {t('back')}
          </button>
          {isFiling(opened) ? (
            <FilingDetail filing={opened} copy={copy} t={t} locale={locale} level={1} />
          ) : (
            <LicenceDetail licence={opened} today={today} copy={copy} t={t} locale={locale} level={1} />
          )}
        </>
      )}
      <div ref={main} hidden={opened !== null}>
        <header class="bar">
          <span class="muted">{t('popup_title')}</span>
          <span class="actions">
            <button type="button" class="small" onClick={openGuide}>
              {t('open_guide')}
            </button>
            <button type="button" class="small" onClick={openOptions}>
              {t('open_options')}
            </button>
          </span>
        </header>
        {tab ? (
          <>
            <VerdictSummary host={tab.host} result={tab.result} t={t} today={today} />
            {tab.result.licence && (
              <LicenceDetail
                licence={tab.result.licence}
                today={today}
                matchedDomain={tab.result.matchedDomain}
                copy={copy}
                t={t}
                locale={locale}
              />
            )}
            {tab.result.filing && !tab.result.licence && (
              <FilingDetail filing={tab.result.filing} matchedDomain={tab.result.matchedDomain} copy={copy} t={t} locale={locale} />
            )}
            <PageFindings
              findings={tab.findings}
              registered={tab.registered}
              disagreeing={tab.result.matchedDomain ? tab.result.disagreeing : []}
              disagreeingFilings={tab.result.matchedDomain ? tab.result.disagreeingFilings : []}
              t={t}
            />
          </>
        ) : (
          <p>{t('popup_not_web')}</p>
        )}
        <LookupPanel registry={registry} today={today} t={t} onOpen={open} initialQuery={initialQuery} level={tab ? 2 : 1} />
      </div>
      <footer class="muted">{t('registry_info', [info.version, formatDate(info.generatedAt.slice(0, 10), locale)])}</footer>
    </main>
  );
}
