import type { browser as extensionApi } from 'wxt/browser';
import { chooseActiveRegistry, type ActiveRegistry } from '../core/registry/active-registry';
import type { RegistryIndex } from '../core/registry/registry-index';
import type { RegistryStore } from './registry-store';
import { inspectItem, STORED_REGISTRY } from './storage-items';

/**
 * The registry in force, as the extension's pages read it. Only the background changes it: a page that
 * finds the stored one corrupted answers from the bundled one and leaves discarding it to the worker.
 */
export async function readActiveRegistry(
  browser: typeof extensionApi,
  bundled: RegistryIndex,
  openStore: () => Promise<RegistryStore>,
): Promise<ActiveRegistry> {
  const [stored, store] = await Promise.all([inspectItem(browser.storage, STORED_REGISTRY), openStore()]);
  return chooseActiveRegistry(stored, bundled, store, () => undefined).active;
}
