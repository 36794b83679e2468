import type { Finding } from '../core/messages';

/** What the background knows of one tab: its top-level URL and what each of its frames shows. */
export interface TabState {
  url: string;
  frames: Record<string, Finding[]>;
}

export type TabStates = Record<string, TabState>;

/** What the tab shows, all frames together, each number once (the first frame's quote kept). */
export function tabFindings(state: TabState): Finding[] {
  const seen = new Map<string, Finding>();
  for (const findings of Object.values(state.frames)) {
    for (const f of findings) {
      const key = `${f.kind} ${f.canonical} ${f.suffix ?? ''}`;
      if (!seen.has(key)) seen.set(key, f);
    }
  }
  return [...seen.values()];
}

/** The licence numbers the tab shows, all frames together. */
export function shownLicenceNumbers(state: TabState): string[] {
  return [...new Set(tabFindings(state).filter((f) => f.kind === 'licence').map((f) => f.canonical))];
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
