import type { browser as extensionApi } from 'wxt/browser';
import * as z from 'zod/mini';
import { isAllowedUpdateUrl } from '../core/settings';

/** Update addresses set by enterprise policy (managed storage); none where there is no policy. */
export async function managedUpdateUrls(browser: typeof extensionApi): Promise<string[]> {
  try {
    const { updateUrls } = await browser.storage.managed.get('updateUrls');
    const parsed = z.array(z.string()).safeParse(updateUrls);
    return parsed.success ? parsed.data.filter(isAllowedUpdateUrl) : [];
  } catch {
    // No policy, or a browser without managed storage.
    return [];
  }
}
