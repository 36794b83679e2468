import type { Finding } from '../core/messages';

/** What the background knows of one tab: its top-level URL and what each of its frames shows. */
export interface TabState {
  url: string;
  frames: Record<string, Finding[]>;
}

export type TabStates = Record<string, TabState>;

/** The licence numbers the tab shows, all frames together. */
export function shownLicenceNumbers(state: TabState): string[] {
  const numbers = Object.values(state.frames).flatMap((findings) => findings.filter((f) => f.kind === 'licence').map((f) => f.canonical));
  return [...new Set(numbers)];
}

/** The host a verdict is about, or null for pages that are not web pages (new tab, files, extension pages). */
export function webHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}
