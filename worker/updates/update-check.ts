import type { browser as extensionApi } from 'wxt/browser';
import type { UpdateReply } from '../../core/messages';
import { said } from '../../core/said';
import { managedUpdateUrls } from '../../storage/managed-urls';
import { changeItem, readItem, SETTINGS, UPDATE_STATUS } from '../../storage/storage-items';
import { fetchRegistry, type FetchLimits } from './fetch-registry';
import type { RegistryInstaller } from './registry-installer';

export interface CheckEnvironment {
  browser: typeof extensionApi;
  install: RegistryInstaller;
  limits: FetchLimits;
  now: () => Date;
  fetcher?: typeof fetch;
  /** Told how many checks in a row have now failed, to set the next one. */
  scheduleAfter: (failures: number) => Promise<void>;
}

/**
 * One update check: each address (the administrator's first, then the reader's) in turn until one answers
 * with a registry that is accepted or has not changed; the outcome and the failure count go to the update
 * status, and the next check is scheduled from them.
 */
export async function checkForUpdates({ browser, install, limits, now, fetcher, scheduleAfter }: CheckEnvironment): Promise<UpdateReply> {
  const settings = await readItem(browser.storage, SETTINGS);
  const urls = [...new Set([...(await managedUpdateUrls(browser)), ...settings.updateUrls])];
  const at = now().toISOString();
  let reply: UpdateReply = { ok: false, said: said('reply_no_address') };
  let outcome: 'accepted' | 'not-modified' | 'refused' = 'refused';
  for (const url of urls) {
    const status = await readItem(browser.storage, UPDATE_STATUS);
    const fetched = await fetchRegistry(url, status.etags[url] ?? null, limits, fetcher);
    if (fetched.kind === 'not-modified') {
      reply = { ok: true, said: said('reply_not_modified', url) };
      outcome = 'not-modified';
      break;
    }
    if (fetched.kind === 'refused') {
      await changeItem(browser.storage, UPDATE_STATUS, (s) => {
        s.lastRefusal = { at, source: url, reason: fetched.reason };
      });
      reply = { ok: false, said: fetched.reason };
      continue;
    }
    reply = await install(fetched.candidate, 'update', url);
    if (reply.ok) {
      outcome = 'accepted';
      const { etag } = fetched;
      if (etag) {
        await changeItem(browser.storage, UPDATE_STATUS, (s) => {
          s.etags[url] = etag;
        });
      }
      break;
    }
  }
  const { failures } = await changeItem(browser.storage, UPDATE_STATUS, (s) => {
    s.lastCheck = { at, outcome, detail: reply.said };
    s.failures = outcome === 'refused' && urls.length > 0 ? s.failures + 1 : 0;
  });
  await scheduleAfter(failures);
  return reply;
}
