import type { browser as extensionApi } from 'wxt/browser';
import type { ImportRegistryMessage, UpdateReply } from '../../core/messages';
import type { RegistryIndex } from '../../core/registry/registry-index';
import type { RegistrySource } from '../../core/registry/registry-source';
import { said } from '../../core/said';
import { serialQueue } from '../../core/serial-queue';
import type { PublicKeyEntry } from '../../core/update/trusted-keys';
import type { RegistryStore } from '../../storage/registry-store';
import type { FetchLimits } from './fetch-registry';
import { registryInstaller } from './registry-installer';
import { registryKeeper } from './registry-keeper';
import { checkForUpdates } from './update-check';
import { startUpdateScheduler } from './update-scheduler';

// A registry of a million domains is about 225 MB of JSON; the cap leaves a little room to grow and stops a
// runaway download.
export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 256 * 1024 * 1024, timeoutMs: 15_000 };
// A gzip-compressed registry may inflate to this: a national registry with its filings is some 310 MB, and a
// file that inflates further is refused before it is held.
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export interface UpdateEnvironment {
  browser: typeof extensionApi;
  bundled: RegistryIndex;
  bundledKeys: readonly PublicKeyEntry[];
  subtle: SubtleCrypto;
  openStore: () => Promise<RegistryStore>;
  onRegistryChanged: () => void;
  fetcher?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  limits?: FetchLimits;
}

/**
 * The update service: keeps the registry in force (registry-keeper), checks the update sources on a
 * schedule (update-scheduler, update-check) and installs what passes the acceptance rules
 * (registry-installer), from a download or an import. Loading, checks and imports run one at a time.
 */
export function startRegistryUpdates(env: UpdateEnvironment) {
  const { browser } = env;
  const now = env.now ?? (() => new Date());
  const limits = env.limits ?? DEFAULT_FETCH_LIMITS;
  const queue = serialQueue();
  const keeper = registryKeeper({ ...env, now, queue });
  const install = registryInstaller({ ...env, keeper, maxBytes: limits.maxBytes, maxUnpackedBytes: MAX_UNPACKED_BYTES, now });
  const check = () =>
    checkForUpdates({
      browser,
      installer: install,
      stored: keeper.stored,
      limits,
      now,
      fetcher: env.fetcher,
      scheduleAfter: (failures) => scheduler.scheduleAfter(failures),
    });
  const scheduler = startUpdateScheduler(browser, env.random ?? Math.random, () => void queue.run(check));

  // Verdicts wait for this; whatever goes wrong with the store, they get at least the bundled registry.
  const loaded = queue.run(async () => {
    await keeper.load();
    await scheduler.start();
  });

  return {
    /**
     * The registry in force, once the stored one (if any) has been loaded. Not held up by a check or an
     * install under way: the registry in force stays whole and readable until one small write replaces it.
     */
    registry: async (): Promise<RegistrySource> => {
      // keeper.load never fails; the scheduler starting may, and a verdict still wants the registry.
      await loaded.catch(() => undefined);
      return keeper.current().registry;
    },
    idle: queue.idle,
    /** The options page's "check now". */
    checkUpdates: (): Promise<UpdateReply> => queue.run(check),
    /** A file the options page staged in the registry store, with its signature. */
    importRegistry: ({ staged, signature }: ImportRegistryMessage): Promise<UpdateReply> =>
      queue.run(async () => {
        const bytes = await (await keeper.openStore()).takeImport(staged);
        if (!bytes) return { ok: false, said: said('reply_import_unreadable') };
        return install.install({ bytes, signature }, 'import', 'imported file');
      }),
  };
}
