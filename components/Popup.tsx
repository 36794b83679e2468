import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../core/messages';
import type { RegistryIndex } from '../core/registry/registry-index';
import type { Licence } from '../core/registry/schema';
import type { VerdictResult } from '../core/verdict/verdict';
import type { Translator } from '../lib/i18n';
import { formatDate } from './format';
import { LicenceDetail } from './LicenceDetail';
import { LookupPanel } from './LookupPanel';
import { PageFindings } from './PageFindings';
import { VerdictSummary } from './VerdictSummary';

export interface TabView {
  host: string;
  result: VerdictResult;
  findings: Finding[];
}

export interface PopupProps extends Translator {
  /** The tab's verdict, or null when the tab is not a web page. */
  tab: TabView | null;
  index: RegistryIndex;
  today: string;
  copy: (text: string) => Promise<void>;
  openOptions: () => void;
}

export function Popup({ tab, index, today, copy, openOptions, t, locale }: PopupProps) {
  const [opened, setOpened] = useState<Licence | null>(null);
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

  const registry = index.registry;
  const footer = (
    <footer class="muted">{t('registry_info', [registry.version, formatDate(registry.generatedAt.slice(0, 10), locale)])}</footer>
  );

  if (opened) {
    return (
      <main>
        <button type="button" class="small" onClick={() => setOpened(null)} autofocus>
          ← {t('back')}
        </button>
        <LicenceDetail licence={opened} today={today} copy={copy} t={t} locale={locale} />
        {footer}
      </main>
    );
  }
  return (
    <main>
      <header class="bar">
        <span class="muted">{t('popup_title')}</span>
        <button type="button" class="small" onClick={openOptions}>
          {t('open_options')}
        </button>
      </header>
      {tab ? (
        <>
          <VerdictSummary host={tab.host} result={tab.result} t={t} />
          {tab.result.licence && (
            <LicenceDetail licence={tab.result.licence} today={today} matchedDomain={tab.result.matchedDomain} copy={copy} t={t} locale={locale} />
          )}
          <PageFindings findings={tab.findings} index={index} t={t} />
        </>
      ) : (
        <p>{t('popup_not_web')}</p>
      )}
      <LookupPanel index={index} today={today} t={t} onOpen={setOpened} />
      {footer}
    </main>
  );
}
