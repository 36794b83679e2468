import type { browser as extensionApi } from 'wxt/browser';
import type { UpdateReply } from '../../core/messages';
import { wantsWholeFile, type StoredRegistry } from '../../core/registry/active-registry';
import { said } from '../../core/said';
import { managedUpdateUrls } from '../../storage/managed-urls';
import { changeItem, readItem, SETTINGS, UPDATE_STATUS } from '../../storage/storage-items';
import { fetchRegistry, type FetchLimits } from './fetch-registry';
import type { RegistryInstaller } from './registry-installer';

export interface CheckEnvironment {
  browser: typeof extensionApi;
  installer: RegistryInstaller;
  /** The record of the stored registry in force, or null while the bundled one is. */
  stored: () => Promise<StoredRegistry | null>;
  limits: FetchLimits;
  now: () => Date;
  fetcher?: typeof fetch;
  /** Told how many checks in a row have now failed, to set the next one. */
  scheduleAfter: (failures: number) => Promise<void>;
}

/** Deltas applied in a row at most: a reader further behind downloads the whole registry. */
const MAX_DELTA_STEPS = 30;

/** Where the delta from `version` of the registry at `url` is published (docs/registry-format.md, Deltas). */
export const deltaUrl = (url: string, version: number) => `${url}.from-${version}`;

type Outcome = { kind: 'accepted' | 'not-modified' | 'refused'; reply: UpdateReply };

/**
 * One update check: each address (the administrator's first, then the reader's) in turn until one answers
 * with a registry or deltas that are accepted, or says nothing has changed; the outcome and the failure
 * count go to the update status, and the next check is scheduled from them.
 */
export async function checkForUpdates(env: CheckEnvironment): Promise<UpdateReply> {
  const { browser, now, scheduleAfter } = env;
  const settings = await readItem(browser.storage, SETTINGS);
  const urls = [...new Set([...(await managedUpdateUrls(browser)), ...settings.updateUrls])];
  const at = now().toISOString();
  let outcome: Outcome = { kind: 'refused', reply: { ok: false, said: said('reply_no_address') } };
  for (const url of urls) {
    outcome = (await viaDeltas(env, url)) ?? (await whole(env, url));
    if (outcome.kind !== 'refused') break;
  }
  const { failures } = await changeItem(browser.storage, UPDATE_STATUS, (s) => {
    s.lastCheck = { at, outcome: outcome.kind, detail: outcome.reply.said };
    s.failures = outcome.kind === 'refused' && urls.length > 0 ? s.failures + 1 : 0;
  });
  await scheduleAfter(failures);
  return outcome.reply;
}

/**
 * Brings the stored registry up to date by the deltas `url` publishes from its version, one after the
 * other; null when there is none for the version in force or one does not fit (the whole file is then
 * fetched). The ETag of the whole file is unknown afterwards: it is fetched again only if it changed after
 * the server's date of the last delta.
 */
async function viaDeltas({ browser, installer, stored, limits, fetcher, now }: CheckEnvironment, url: string): Promise<Outcome | null> {
  const base = await stored();
  if (!base || wantsWholeFile(base)) return null;
  let applied: { version: number; keyId: string; date: string | null } | null = null;
  for (let step = 0; step < MAX_DELTA_STEPS; step++) {
    const fetched = await fetchRegistry(deltaUrl(url, applied?.version ?? base.info.version), { etag: null, since: null }, limits, fetcher);
    if (fetched.kind !== 'candidate') break;
    const result = await installer.installDelta(fetched.candidate, url);
    if (!result.ok) {
      // Applied deltas stay; whatever does not fit is made good by the whole file.
      if (!applied) return null;
      break;
    }
    applied = { ...result, date: fetched.date };
  }
  if (!applied) return null;
  const { date } = applied;
  await changeItem(browser.storage, UPDATE_STATUS, (s) => {
    delete s.etags[url];
    s.since = { ...s.since, [url]: date ?? now().toUTCString() };
  });
  return {
    kind: 'accepted',
    reply: { ok: true, said: said('reply_accepted_delta', base.info.version, applied.version, url, applied.keyId) },
  };
}

async function whole({ browser, installer, limits, fetcher, now }: CheckEnvironment, url: string): Promise<Outcome> {
  const status = await readItem(browser.storage, UPDATE_STATUS);
  const fetched = await fetchRegistry(url, { etag: status.etags[url] ?? null, since: status.since?.[url] ?? null }, limits, fetcher);
  if (fetched.kind === 'not-modified') return { kind: 'not-modified', reply: { ok: true, said: said('reply_not_modified', url) } };
  if (fetched.kind === 'refused' || fetched.kind === 'absent') {
    await changeItem(browser.storage, UPDATE_STATUS, (s) => {
      s.lastRefusal = { at: now().toISOString(), source: url, reason: fetched.reason };
    });
    return { kind: 'refused', reply: { ok: false, said: fetched.reason } };
  }
  const reply = await installer.install(fetched.candidate, 'update', url);
  if (!reply.ok) return { kind: 'refused', reply };
  const { etag } = fetched;
  await changeItem(browser.storage, UPDATE_STATUS, (s) => {
    if (etag) s.etags[url] = etag;
    if (s.since) delete s.since[url];
  });
  return { kind: 'accepted', reply };
}
