import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { readItem, SETTINGS, UPDATE_STATUS } from '../../storage/storage-items';
import { checkForUpdates } from '../../worker/updates/update-check';

const URL_A = 'https://registry.example.org/registry.json';

/** An update status as the version before translated messages stored it: English sentences in it. */
const earlier = {
  lastCheck: { at: '2026-11-21T08:00:00Z', outcome: 'refused', detail: `${URL_A} answered HTTP 500` },
  lastRefusal: { at: '2026-11-21T08:00:00Z', source: URL_A, reason: `${URL_A} answered HTTP 500` },
  failures: 2,
  etags: { [URL_A]: '"v2"' },
};

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [SETTINGS.key]: { ...DEFAULT_SETTINGS, updateUrls: [URL_A] }, [UPDATE_STATUS.key]: earlier });
});

describe('an update status stored by the previous version', () => {
  it('is read as it is, not replaced by an empty one', async () => {
    expect(await readItem(fakeBrowser.storage as never, UPDATE_STATUS)).toEqual(earlier);
  });

  it('keeps its ETags for the next check, and its refusal until a new one replaces it', async () => {
    const fetcher = vi.fn(async (_: RequestInfo | URL, init?: RequestInit) =>
      new Headers(init?.headers).get('if-none-match') === '"v2"'
        ? new Response(null, { status: 304 })
        : new Response('changed', { status: 200 }),
    );
    const scheduleAfter = vi.fn(async () => undefined);
    const reply = await checkForUpdates({
      browser: fakeBrowser as never,
      installer: { install: vi.fn(), installDelta: vi.fn() },
      stored: async () => null,
      limits: { maxBytes: 1000, timeoutMs: 200 },
      now: () => new Date('2026-11-22T08:00:00Z'),
      fetcher: fetcher as unknown as typeof fetch,
      scheduleAfter,
    });
    expect(reply).toEqual({ ok: true, said: { key: 'reply_not_modified', subs: [URL_A] } });
    expect(scheduleAfter).toHaveBeenCalledWith(0);
    expect((await fakeBrowser.storage.local.get(UPDATE_STATUS.key))[UPDATE_STATUS.key]).toEqual({
      ...earlier,
      lastCheck: { at: '2026-11-22T08:00:00.000Z', outcome: 'not-modified', detail: { key: 'reply_not_modified', subs: [URL_A] } },
      failures: 0,
    });
  });
});
