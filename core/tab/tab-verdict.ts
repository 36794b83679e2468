import type { RegistrySource } from '../registry/registry-source';
import { verdictFrom, type VerdictResult } from '../verdict/verdict';
import { claimedFilingNumbers, claimedLicenceNumbers, webHost, type TabState } from './tab-state';

/** The verdict for a tab's top-level host and what its site claims in its frames, or null for non-web pages. */
export async function tabVerdict(
  state: TabState | undefined,
  registry: RegistrySource,
  today: string,
): Promise<{ host: string; result: VerdictResult } | null> {
  const host = state ? webHost(state.url) : null;
  if (!state || !host) return null;
  return {
    host,
    result: await verdictFrom(registry, {
      host,
      claimedLicenceNumbers: claimedLicenceNumbers(state),
      claimedFilingNumbers: claimedFilingNumbers(state),
      today,
    }),
  };
}
