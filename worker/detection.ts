import type { browser as extensionApi } from 'wxt/browser';
import { localToday } from '../core/dates';
import type { FindingsMessage } from '../core/messages';
import type { RegistrySource } from '../core/registry/registry-source';
import { BADGES } from '../core/verdict/badge';
import type { VerdictResult } from '../core/verdict/verdict';
import { verdictSentence } from '../core/verdict/verdict-words';
import { serialQueue } from '../core/serial-queue';
import type { LoadTranslator } from '../storage/load-translator';
import { FIRST_VERDICT_MARK } from './startup-marks';
import { readItem, SETTINGS, TAB_STATES, writeItem } from '../storage/storage-items';
import { webHost, type TabStates } from '../core/tab/tab-state';
import { tabVerdict } from '../core/tab/tab-verdict';
import type { ContentSender } from './message-router';

type ExtensionApi = typeof extensionApi;

export interface DetectionEnvironment {
  browser: ExtensionApi;
  /** The registry in force; waited for, so no verdict is computed before it is loaded. */
  registry: () => Promise<RegistrySource> | RegistrySource;
  loadTranslator: LoadTranslator;
  today?: () => string;
  /** Told each verdict as it is shown, e.g. to warn in the page on `mismatch`. */
  onVerdict?: (tabId: number, host: string, result: VerdictResult) => Promise<void>;
}

/** The badge's tooltip, in the reader's language setting. */
async function tooltip(browser: ExtensionApi, loadTranslator: LoadTranslator, result: VerdictResult, host: string): Promise<string> {
  const { t } = await loadTranslator((await readItem(browser.storage, SETTINGS)).language);
  return verdictSentence(host, result, t);
}

/**
 * Keeps each tab's findings (all frames together), and sets the tab's badge from the verdict for its
 * top-level host. State lives in session storage so that a restarted service worker carries on; every
 * load and save runs on one promise chain, so no handler sees state before it is loaded or saves over
 * a newer one.
 */
export function startDetection({ browser, registry, loadTranslator, today = localToday, onVerdict }: DetectionEnvironment) {
  const action = browser.action ?? browser.browserAction;
  let states: TabStates = {};
  let shownOnce = false;
  const serial = serialQueue(
    readItem(browser.storage, TAB_STATES).then((stored) => {
      states = stored;
    }),
  );
  const queue = (task: () => Promise<void>) => void serial.run(task).catch((error: unknown) => console.error('licence check:', error));

  async function show(tabId: number): Promise<void> {
    const verdict = await tabVerdict(states[tabId], await registry(), today());
    if (!verdict) {
      await action.setBadgeText({ tabId, text: '' });
      return;
    }
    const badge = BADGES[verdict.result.verdict];
    await action.setBadgeText({ tabId, text: badge.text });
    if (!shownOnce) {
      shownOnce = true;
      performance.mark(FIRST_VERDICT_MARK);
    }
    if (badge.color) await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await action.setTitle({ tabId, title: await tooltip(browser, loadTranslator, verdict.result, verdict.host) });
    await onVerdict?.(tabId, verdict.host, verdict.result);
  }

  const update = (tabId: number, change: () => unknown) =>
    queue(async () => {
      if (change() === false) return;
      await writeItem(browser.storage, TAB_STATES, states);
      await show(tabId);
    });

  browser.webNavigation.onCommitted.addListener(({ tabId, frameId, url }) => {
    if (tabId < 0) return;
    update(tabId, () => {
      if (frameId === 0) states[tabId] = { url, frames: {} };
      else if (states[tabId]) delete states[tabId].frames[frameId];
      else return false;
    });
  });

  browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId, url }) => {
    if (frameId !== 0 || !states[tabId]) return;
    update(tabId, () => {
      states[tabId].url = url;
    });
  });

  // A navigation can reset a tab's badge after onCommitted set it; setting it again when the load
  // completes keeps the two in step.
  browser.webNavigation.onCompleted.addListener(({ tabId, frameId }) => {
    if (frameId === 0 && states[tabId]) queue(() => show(tabId));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    queue(async () => {
      if (!states[tabId]) return;
      delete states[tabId];
      await writeItem(browser.storage, TAB_STATES, states);
    });
  });

  return {
    idle: serial.idle,
    /** A frame's report of what it shows: replaces that frame's earlier findings. */
    onFindings({ findings }: FindingsMessage, { tabId, frameId, url }: ContentSender): void {
      update(tabId, () => {
        const state = states[tabId];
        if (!state) {
          // A tab loaded before this worker first saw it: its top frame tells us where it is.
          if (frameId !== 0) return false;
          states[tabId] = { url, frames: {} };
        } else if (frameId === 0 && webHost(state.url) !== webHost(url)) {
          // A report still in flight from the page the tab has navigated away from.
          return false;
        }
        states[tabId].frames[frameId] = { url, findings };
      });
    },
    /** Recomputes every known tab's verdict, after the registry has changed. */
    refreshAll: () =>
      queue(async () => {
        for (const tabId of Object.keys(states)) await show(Number(tabId));
      }),
  };
}
