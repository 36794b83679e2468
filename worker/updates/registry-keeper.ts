import type { browser as extensionApi } from 'wxt/browser';
import {
  bundledActive,
  chooseActiveRegistry,
  STORE_FORMAT,
  type ActiveRegistry,
  type StoredRegistry,
} from '../../core/registry/active-registry';
import type { RecordChange } from '../../core/registry/record-change';
import type { RegistryIndex } from '../../core/registry/registry-index';
import { said, type Said } from '../../core/said';
import type { SerialQueue } from '../../core/serial-queue';
import type { GenerationWriter, RegistryStore } from '../../storage/registry-store';
import { changeItem, clearItem, inspectItem, readItem, STORED_REGISTRY, UPDATE_STATUS, writeItem } from '../../storage/storage-items';

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
    const record = await inspectItem(browser.storage, STORED_REGISTRY);
    const choice = chooseActiveRegistry(record, bundled, opened, onCorrupted);
    active = choice.active;
    if (choice.stored === 'corrupted') await discard(said('stored_discarded_record'));
    else if (choice.stored === 'older-than-bundled') {
      await clearItem(browser.storage, STORED_REGISTRY);
      await opened.keepOnly(null);
    } else if (active.generation !== null && record.value) {
      const { generation } = active;
      const stored = record.value;
      // Checked once the first verdicts can be answered: counting a national registry's chunks takes a while,
      // and what it finds is rare. A delta's records and its record are written one after the other, so a
      // worker stopped between the two leaves a record that no longer describes what is stored; records gone
      // from a damaged profile show here too.
      void env.queue
        .run(async () => {
          if (active.generation !== generation) return;
          const held = await opened.check(generation);
          const problem =
            'problem' in held
              ? held.problem
              : held.meta.version !== stored.info.version || held.meta.contentHash !== stored.contentHash
                ? 'its record and its content disagree'
                : null;
          if (problem) {
            await discard(said('stored_discarded', problem));
            env.onRegistryChanged();
            return;
          }
          // Leftovers of an install that stopped half-way: never read, swept when nothing waits.
          await opened.keepOnly(generation);
        })
        .catch(() => undefined);
    }
  }

  /** Makes `stored` the registry in force: its generation's records are all written. */
  async function switchTo(stored: StoredRegistry, target: RegistryStore): Promise<void> {
    await writeItem(browser.storage, STORED_REGISTRY, stored);
    active = chooseActiveRegistry({ value: stored, invalid: false }, bundled, target, onCorrupted).active;
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

    /** A new generation to write a registry into, beside the one in force, which stays in force meanwhile. */
    async begin(): Promise<{ generation: number; writer: GenerationWriter }> {
      const generation = Math.max(now().getTime(), (active.generation ?? 0) + 1);
      return { generation, writer: (await openStore()).writer(generation) };
    },

    /** Sweeps away what a refused registry left written. */
    async abandon(): Promise<void> {
      await (await openStore()).keepOnly(active.generation);
    },

    /**
     * Switches to a registry written under `generation` with one small write: a worker stopped before it
     * leaves the old registry working and the new one's records to be swept.
     */
    async commit(generation: number, record: Omit<StoredRegistry, 'generation' | 'format'>): Promise<void> {
      const target = await openStore();
      await switchTo({ ...record, generation, format: STORE_FORMAT }, target);
      await target.keepOnly(generation);
      env.onRegistryChanged();
    },

    /**
     * Changes the stored registry in force in place, in one store transaction (all of it or none), then its
     * record; `record` describes the result.
     */
    async change(change: RecordChange, record: Omit<StoredRegistry, 'generation' | 'format'>): Promise<void> {
      const { generation } = active;
      if (generation === null) throw new Error('only a stored registry can be changed');
      const target = await openStore();
      await target.change(generation, change, { version: record.info.version, contentHash: record.contentHash });
      await switchTo({ ...record, generation, format: STORE_FORMAT }, target);
      env.onRegistryChanged();
    },

    /** The record of the stored registry in force, or null while the bundled one is. */
    stored: async (): Promise<StoredRegistry | null> => (active.generation === null ? null : readItem(browser.storage, STORED_REGISTRY)),
  };
}

export type RegistryKeeper = ReturnType<typeof registryKeeper>;
