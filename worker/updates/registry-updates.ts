import type { browser as extensionApi } from 'wxt/browser';
import { PageMessageSchema, type UpdateReply } from '../../core/messages';
import { bucketRegistry } from '../../core/registry/registry-buckets';
import type { RegistryIndex } from '../../core/registry/registry-index';
import type { RegistrySource } from '../../core/registry/registry-source';
import { acceptRegistry, type Candidate } from '../../core/update/accept-registry';
import { importTrustedKeys, type PublicKeyEntry } from '../../core/update/trusted-keys';
import { bundledActive, chooseActiveRegistry, type ActiveRegistry } from '../../core/registry/active-registry';
import { fetchRegistry, type FetchLimits } from './fetch-registry';
import { managedUpdateUrls } from '../../storage/managed-urls';
import { openRegistryStore, type RegistryStore } from '../../storage/registry-store';
import { clearItem, inspectItem, readItem, SETTINGS, STORED_REGISTRY, UPDATE_STATUS, writeItem } from '../../storage/storage-items';
import type { UpdateStatus } from '../../core/update/update-status';

type ExtensionApi = typeof extensionApi;

export const UPDATE_ALARM = 'registry-update';
// A registry of a million domains is about 225 MB of JSON; the cap leaves a little room to grow and stops a
// runaway download.
export const DEFAULT_LIMITS: FetchLimits = { maxBytes: 256 * 1024 * 1024, timeoutMs: 15_000 };
const DAY_MINUTES = 24 * 60;

export interface UpdateEnvironment {
  browser: ExtensionApi;
  bundled: RegistryIndex;
  bundledKeys: readonly PublicKeyEntry[];
  subtle: SubtleCrypto;
  onRegistryChanged: () => void;
  fetcher?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  limits?: FetchLimits;
}

/**
 * The next check: about a day after a good one; after failures, sooner at first and backing off
 * (30 min, 1 h, 2 h … up to a day); always with jitter so that browsers do not all ask at once.
 */
export function nextCheckDelayMinutes(failures: number, random: () => number): number {
  const base = failures === 0 ? DAY_MINUTES : Math.min(DAY_MINUTES, 30 * 2 ** (failures - 1));
  return base * (0.9 + 0.2 * random());
}

/**
 * Keeps the active registry: the bundled one until a signed, newer registry is accepted from an update
 * source or an import. Loads, checks and saves run on one promise chain; a refused update changes
 * nothing but the status the options page shows.
 */
export function startRegistryUpdates(env: UpdateEnvironment) {
  const { browser, bundled, subtle } = env;
  const now = env.now ?? (() => new Date());
  const random = env.random ?? Math.random;
  const limits = env.limits ?? DEFAULT_LIMITS;
  let active: ActiveRegistry = bundledActive(bundled);
  let store: RegistryStore | undefined;
  /** The registry store, opened on first use, and again later if opening it failed. */
  const openStore = async () => (store ??= await openRegistryStore());

  const setStatus = async (change: (status: UpdateStatus) => void): Promise<UpdateStatus> => {
    const status = await readItem(browser.storage, UPDATE_STATUS);
    change(status);
    await writeItem(browser.storage, UPDATE_STATUS, status);
    return status;
  };

  /** Falls back to the bundled registry, drops the stored one, says why, and lets the next check fetch again. */
  async function discard(problem: string): Promise<void> {
    active = bundledActive(bundled);
    await clearItem(browser.storage, STORED_REGISTRY);
    await store?.keepOnly(null);
    await setStatus((s) => {
      s.lastRefusal = {
        at: now().toISOString(),
        source: 'stored registry',
        reason: `the stored registry was discarded because ${problem}; the bundled registry is used`,
      };
      s.etags = {};
    });
  }

  const onCorrupted = (generation: number, problem: string) => {
    if (active.generation !== generation) return;
    void serially(async () => {
      if (active.generation !== generation) return;
      await discard(problem);
      env.onRegistryChanged();
    });
  };

  async function loadStored(): Promise<void> {
    const opened = await openStore();
    const choice = chooseActiveRegistry(await inspectItem(browser.storage, STORED_REGISTRY), bundled, opened, onCorrupted);
    active = choice.active;
    if (choice.stored === 'corrupted') await discard(choice.problem ?? 'it could not be read');
    else if (choice.stored === 'older-than-bundled') {
      await clearItem(browser.storage, STORED_REGISTRY);
      await opened.keepOnly(null);
    } else if (active.generation !== null) {
      // Leftovers of an install that stopped half-way; they are never read, so this need not hold anything up.
      void opened.keepOnly(active.generation).catch(() => undefined);
    }
  }

  let chain: Promise<unknown> = (async () => {
    // Verdicts wait for this; whatever goes wrong with the store, they get at least the bundled registry.
    await loadStored().catch(async (error: unknown) => {
      active = bundledActive(bundled);
      await setStatus((s) => {
        s.lastRefusal = { at: now().toISOString(), source: 'stored registry', reason: `the registry store could not be read (${String(error)}); the bundled registry is used` };
      });
    });
    if (!(await browser.alarms.get(UPDATE_ALARM))) {
      await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 5 + 55 * random() });
    }
  })();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };

  async function trustedKeys() {
    const settings = await readItem(browser.storage, SETTINGS);
    return (await importTrustedKeys(subtle, [...env.bundledKeys, ...settings.userKeys])).keys;
  }

  async function accept(candidate: Candidate, origin: 'update' | 'import', source: string): Promise<UpdateReply> {
    const result = await acceptRegistry(candidate, {
      subtle,
      trustedKeys: await trustedKeys(),
      activeVersion: active.registry.info.version,
      maxBytes: limits.maxBytes,
    });
    const at = now().toISOString();
    if (!result.ok) {
      await setStatus((s) => {
        s.lastRefusal = { at, source, reason: result.reason };
      });
      return { ok: false, message: result.reason };
    }
    // Written beside the registry in force, then switched to with one small write: a worker stopped
    // half-way leaves the old registry working and the new one's buckets to be swept.
    const bucketed = bucketRegistry(result.registry);
    const generation = Math.max(now().getTime(), (active.generation ?? 0) + 1);
    const target = await openStore();
    await target.write(generation, bucketed);
    const { version, generatedAt, licences } = result.registry;
    const record = {
      origin,
      source,
      acceptedAt: at,
      keyId: result.keyId,
      generation,
      layout: bucketed.layout,
      info: { version, generatedAt, licences: licences.length, domains: bucketed.domainCount },
    };
    await writeItem(browser.storage, STORED_REGISTRY, record);
    active = chooseActiveRegistry({ value: record, invalid: false }, bundled, target, onCorrupted).active;
    await target.keepOnly(generation);
    env.onRegistryChanged();
    return { ok: true, message: `accepted version ${result.registry.version} from ${source}, signed by ${result.keyId}` };
  }

  async function check(): Promise<UpdateReply> {
    const settings = await readItem(browser.storage, SETTINGS);
    const urls = [...new Set([...(await managedUpdateUrls(browser)), ...settings.updateUrls])];
    const at = now().toISOString();
    let reply: UpdateReply = { ok: false, message: 'no update address is set' };
    let outcome: 'accepted' | 'not-modified' | 'refused' = 'refused';
    for (const url of urls) {
      const status = await readItem(browser.storage, UPDATE_STATUS);
      const fetched = await fetchRegistry(url, status.etags[url] ?? null, limits, env.fetcher);
      if (fetched.kind === 'not-modified') {
        reply = { ok: true, message: `${url} has not changed` };
        outcome = 'not-modified';
        break;
      }
      if (fetched.kind === 'refused') {
        await setStatus((s) => {
          s.lastRefusal = { at, source: url, reason: fetched.reason };
        });
        reply = { ok: false, message: fetched.reason };
        continue;
      }
      reply = await accept(fetched.candidate, 'update', url);
      if (reply.ok) {
        outcome = 'accepted';
        if (fetched.etag) await setStatus((s) => void (s.etags[url] = fetched.etag as string));
        break;
      }
    }
    const { failures } = await setStatus((s) => {
      s.lastCheck = { at, outcome, detail: reply.message };
      s.failures = outcome === 'refused' && urls.length > 0 ? s.failures + 1 : 0;
    });
    await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: nextCheckDelayMinutes(failures, random) });
    return reply;
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void serially(check);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: UpdateReply) => void) => {
    // Only the extension's own pages (the options page) may ask for updates or imports.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    const parsed = PageMessageSchema.safeParse(message);
    if (!parsed.success) return undefined;
    const request = parsed.data;
    const task =
      request.type === 'checkUpdates'
        ? check
        : async () => {
            const bytes = await (await openStore()).takeImport(request.staged);
            if (!bytes) return { ok: false, message: 'the imported file could not be read' };
            return accept({ bytes, signature: request.signature }, 'import', 'imported file');
          };
    serially(task).then(sendResponse, (error: unknown) => sendResponse({ ok: false, message: String(error) }));
    return true;
  });

  return {
    /** The registry in force, once the stored one (if any) has been loaded and checked. */
    registry: async (): Promise<RegistrySource> => {
      await chain;
      return active.registry;
    },
    idle: () => chain.then(() => undefined),
  };
}
