import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { TabVerdictView } from '../../components/TabVerdictView';
import { localToday } from '../../core/dates';
import { bundledRegistry } from '../../lib/bundled-registry';
import { readItem, TAB_STATES } from '../../lib/storage-items';
import { tabVerdict } from '../../lib/tab-verdict';

const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key as never, substitutions);

/** `popup.html?tabId=N` shows tab N (tests open it in a tab); without it, the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested >= 0 && location.search.includes('tabId=')) return requested;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

type View = { state: 'loading' } | { state: 'not-web' } | { state: 'verdict'; verdict: NonNullable<ReturnType<typeof tabVerdict>> };

function Popup() {
  const [view, setView] = useState<View>({ state: 'loading' });
  useEffect(() => {
    const load = async () => {
      const tabId = await targetTabId();
      const states = await readItem(browser.storage, TAB_STATES);
      const verdict = tabId === undefined ? null : tabVerdict(states[tabId], bundledRegistry(), localToday());
      setView(verdict ? { state: 'verdict', verdict } : { state: 'not-web' });
    };
    void load();
    const onChanged = (_: unknown, area: string) => {
      if (area === 'session') void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  return (
    <main>
      {view.state === 'loading' && <p>{t('popup_loading')}</p>}
      {view.state === 'not-web' && <p>{t('popup_not_web')}</p>}
      {view.state === 'verdict' && <TabVerdictView host={view.verdict.host} result={view.verdict.result} t={t} />}
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
render(<Popup />, document.getElementById('app') as HTMLElement);
