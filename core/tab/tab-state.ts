import type { Finding } from '../messages';
import { isClaimedLicence, mergeFindings } from '../page/scan-page';
import { registrableDomain } from '../verdict/host-match';

/** What one frame shows, and where that frame's document comes from. */
export interface FrameFindings {
  url: string;
  findings: Finding[];
}

/** What the background knows of one tab: its top-level URL and what each of its frames shows. */
export interface TabState {
  url: string;
  frames: Record<string, FrameFindings>;
}

export type TabStates = Record<string, TabState>;

/** A frame speaks for the tab's site when it is of the same site (registrable domain, or host for IPs). */
function sameSite(frameUrl: string, tabUrl: string): boolean {
  const frameHost = webHost(frameUrl);
  const tabHost = webHost(tabUrl);
  if (!frameHost || !tabHost) return false;
  return (registrableDomain(frameHost) ?? frameHost) === (registrableDomain(tabHost) ?? tabHost);
}

/**
 * What the tab shows, all frames together, each number once (the first frame's quote kept). A frame from
 * another site speaks for that site only, so what it claims is a mention here; a claim anywhere wins.
 */
export function tabFindings(state: TabState): Finding[] {
  return mergeFindings(
    Object.values(state.frames).flatMap((frame) =>
      sameSite(frame.url, state.url) ? frame.findings : frame.findings.map((f): Finding => ({ ...f, role: 'mention' })),
    ),
  );
}

/** The licence numbers the tab's site claims as its own, all frames of the site together. */
export function claimedLicenceNumbers(state: TabState): string[] {
  return tabFindings(state)
    .filter(isClaimedLicence)
    .map((f) => f.canonical);
}

/** The ICP filing numbers (without a site's suffix) the tab's site claims as its own, all frames of the site together. */
export function claimedFilingNumbers(state: TabState): string[] {
  return tabFindings(state)
    .filter((f) => f.kind === 'icp-filing' && f.role === 'claim')
    .map((f) => f.canonical);
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
