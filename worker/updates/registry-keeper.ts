import type { browser as extensionApi } from 'wxt/browser';
import { bundledActive, chooseActiveRegistry, type ActiveRegistry, type StoredRegistry } from '../../core/registry/active-registry';
import type { BucketedRegistry } from '../../core/registry/registry-buckets';
import type { RegistryIndex } from '../../core/registry/registry-index';
import { said, type Said } from '../../core/said';
import type { SerialQueue } from '../../core/serial-queue';
import type { RegistryStore } from '../../storage/registry-store';
import { changeItem, clearItem, inspectItem, STORED_REGISTRY, UPDATE_STATUS, writeItem } from '../../storage/storage-items';

export interface KeeperEnvironment {
  browser: typeof extensionApi;
  bundled: RegistryIndex;
  openStore: () => Promise<RegistryStore>;
  now: () => Date;
  /** The update service's queue: a discard found while answering a verdict waits its turn there. */
  queue: SerialQueue;
  onRegistryChanged: () => void;
}

/**
 * The registry in force: the bundled one until a stored one (from an update or import) is installed, and
 * the bundled one again whenever the stored one turns out unreadable; the reason is kept in the update
 * status for the options page.
 */
export function registryKeeper(env: KeeperEnvironment) {
  const { browser, bundled, now } = env;
  let active: ActiveRegistry = bundledActive(bundled);
  let store: RegistryStore | undefined;
  const openStore = async () => (store = await env.openStore());

  /** Says in the update status why the stored registry is not used; a discarded one's ETags go with it. */
  const refuseStored = (reason: Said, forgetEtags: boolean) =>
    changeItem(browser.storage, UPDATE_STATUS, (s) => {
      s.lastRefusal = { at: now().toISOString(), source: said('source_stored_registry'), reason };
      if (forgetEtags) s.etags = {};
    });

  /** Falls back to the bundled registry, drops the stored one, says why, and lets the next check fetch again. */
  async function discard(reason: Said): Promise<void> {
    active = bundledActive(bundled);
    await clearItem(browser.storage, STORED_REGISTRY);
    await store?.keepOnly(null);
    await refuseStored(reason, true);
  }

  const onCorrupted = (generation: number, problem: string) => {
    if (active.generation !== generation) return;
    void env.queue.run(async () => {
      if (active.generation !== generation) return;
      // The store's own account of what is damaged, in English: detail for whoever looks into it.
      await discard(said('stored_discarded', problem));
      env.onRegistryChanged();
    });
  };

  async function loadStored(): Promise<void> {
    const opened = await openStore();
    const choice = chooseActiveRegistry(await inspectItem(browser.storage, STORED_REGISTRY), bundled, opened, onCorrupted);
    active = choice.active;
    if (choice.stored === 'corrupted') await discard(said('stored_discarded_record'));
    else if (choice.stored === 'older-than-bundled') {
      await clearItem(browser.storage, STORED_REGISTRY);
      await opened.keepOnly(null);
    } else if (active.generation !== null) {
      // Leftovers of an install that stopped half-way; they are never read, so this need not hold anything up.
      void opened.keepOnly(active.generation).catch(() => undefined);
    }
  }

  return {
    current: (): ActiveRegistry => active,
    openStore,

    /** Loads the stored registry, if any; whatever goes wrong with the store, the bundled one stays in force. */
    load: () =>
      loadStored().catch(async (error: unknown) => {
        active = bundledActive(bundled);
        await refuseStored(said('stored_unreadable', String(error)), false);
      }),

    /**
     * Writes a registry beside the one in force, then switches to it with one small write: a worker stopped
     * half-way leaves the old registry working and the new one's buckets to be swept.
     */
    async install(bucketed: BucketedRegistry, record: Omit<StoredRegistry, 'generation' | 'layout'>): Promise<void> {
      const generation = Math.max(now().getTime(), (active.generation ?? 0) + 1);
      const target = await openStore();
      await target.write(generation, bucketed);
      const stored: StoredRegistry = { ...record, generation, layout: bucketed.layout };
      await writeItem(browser.storage, STORED_REGISTRY, stored);
      active = chooseActiveRegistry({ value: stored, invalid: false }, bundled, target, onCorrupted).active;
      await target.keepOnly(generation);
      env.onRegistryChanged();
    },
  };
}

export type RegistryKeeper = ReturnType<typeof registryKeeper>;
