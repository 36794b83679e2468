import type { browser as extensionApi } from 'wxt/browser';
import { chooseActiveRegistry, type ActiveRegistry } from './active-registry';
import { bundledRegistry } from './bundled-registry';
import { readItem, STORED_REGISTRY } from './storage-items';

/** The registry in force, as the popup and options page read it (the background alone changes it). */
export async function readActiveRegistry(browser: typeof extensionApi): Promise<ActiveRegistry> {
  return chooseActiveRegistry(await readItem(browser.storage, STORED_REGISTRY), bundledRegistry()).active;
}
