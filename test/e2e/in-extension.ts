// Functions that run inside the extension (its service worker in Chromium, an extension page in
// Firefox); the test drivers serialise them, so each is self-contained.
import type { Badge } from './chromium';

interface ActionApi {
  getBadgeText(d: { tabId: number }): Promise<string>;
  getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
  getTitle(d: { tabId: number }): Promise<string>;
}
interface ExtensionApi {
  action?: ActionApi;
  browserAction?: ActionApi;
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  webNavigation: { getFrame(d: { tabId: number; frameId: number }): Promise<{ url: string } | null> };
}

/** The tab that shows `url`, found through webNavigation since the extension has no tabs permission. */
export async function tabIdShowing(url: string): Promise<number> {
  const api = ((globalThis as { browser?: ExtensionApi }).browser ?? (globalThis as { chrome?: ExtensionApi }).chrome) as ExtensionApi;
  for (const tab of await api.tabs.query({})) {
    const frame = await api.webNavigation.getFrame({ tabId: tab.id!, frameId: 0 });
    if (frame?.url === url) return tab.id!;
  }
  throw new Error(`no tab shows ${url}`);
}

export async function badgeOfTab(tabId: number): Promise<Badge> {
  const api = ((globalThis as { browser?: ExtensionApi }).browser ?? (globalThis as { chrome?: ExtensionApi }).chrome) as ExtensionApi;
  const action = (api.action ?? api.browserAction) as ActionApi;
  const [r, g, b] = await action.getBadgeBackgroundColor({ tabId });
  const color = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  return { text: await action.getBadgeText({ tabId }), color, title: await action.getTitle({ tabId }) };
}

/** The URLs of the frames of tab `tabId` whose findings the background has stored under `key` in session storage. */
export async function framesReported(tabId: number, key: string): Promise<string[]> {
  const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
    storage: {
      session: { get(key: string): Promise<Record<string, Record<string, { frames: Record<string, { url: string }> }> | undefined>> };
    };
  };
  const tabs = (await api.storage.session.get(key))[key];
  return Object.values(tabs?.[tabId]?.frames ?? {}).map((f) => f.url);
}
