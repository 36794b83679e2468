import type { RegistryIndex } from '../core/registry/registry-index';
import { computeVerdict, type VerdictResult } from '../core/verdict/verdict';
import { shownLicenceNumbers, webHost, type TabState } from './tab-state';

/** The verdict for a tab's top-level host and everything its frames show, or null for non-web pages. */
export function tabVerdict(state: TabState | undefined, index: RegistryIndex, today: string): { host: string; result: VerdictResult } | null {
  const host = state ? webHost(state.url) : null;
  if (!state || !host) return null;
  return { host, result: computeVerdict({ host, shownLicenceNumbers: shownLicenceNumbers(state), index, today }) };
}
