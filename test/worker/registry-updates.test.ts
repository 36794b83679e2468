import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RegistryIndex } from '../../core/registry/registry-index';
import { infoOf, type RegistrySource } from '../../core/registry/registry-source';
import { RegistrySchema, type Registry } from '../../core/registry/schema';
import { registryContentHash } from '../../core/registry/content-hash';
import { diffRegistries } from '../../core/update/registry-delta';
import { dayLater, syntheticFiling, syntheticRegistry } from '../../bench/synthetic-registry';
import { classifyQuery } from '../../core/lookup/classify-query';
import { lookupIn, runLookup } from '../../core/lookup/run-lookup';
import { keyIdOf } from '../../core/update/key-id';
import { sign, SIGNING_ALGORITHM, toPem } from '../../core/update/signature';
import type { PublicKeyEntry } from '../../core/update/trusted-keys';
import { computeVerdict, verdictFrom, verdictKeys } from '../../core/verdict/verdict';
import { firstCheckDelayMinutes, nextCheckDelayMinutes } from '../../core/update/update-schedule';
import { registryStoreOpener } from '../../storage/registry-store';
import { startMessageRouter } from '../../worker/message-router';
import { startRegistryUpdates } from '../../worker/updates/registry-updates';
import { UPDATE_ALARM } from '../../worker/updates/update-scheduler';
import { writeToStore } from '../storage/write-to-store';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { UpdateReply } from '../../core/messages';
import { STORE_FORMAT, type StoredRegistry } from '../../core/registry/active-registry';
import type { UpdateStatus } from '../../core/update/update-status';
import { SETTINGS, STORED_REGISTRY, UPDATE_STATUS } from '../../storage/storage-items';

const { subtle } = globalThis.crypto;
const bundledJson = JSON.parse(readFileSync(new URL('../../data/registry.json', import.meta.url), 'utf8'));
const bundled = new RegistryIndex(RegistrySchema.parse(bundledJson));
const URL_A = 'https://registry.example.org/registry.json';

let publisher: CryptoKeyPair;
let publisherEntry: PublicKeyEntry;
const encode = (value: unknown) => new Uint8Array(new TextEncoder().encode(JSON.stringify(value)));
const newDomainRegistry = (version: number) => ({
  ...bundledJson,
  version,
  licences: bundledJson.licences.map((l: { number: string; sites: object[] }) =>
    l.number === '渝B2-20230001'
      ? {
          ...l,
          sites: [
            { kind: 'website', name: '懂车帝商城', domain: 'dongchedi-mall.cn', services: [], serverLocation: '', accessProvider: '' },
          ],
        }
      : l,
  ),
});

beforeAll(async () => {
  publisher = await subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  const spkiPem = toPem(await subtle.exportKey('spki', publisher.publicKey), 'PUBLIC KEY');
  publisherEntry = { id: (await keyIdOf(subtle, spkiPem))!, name: 'publisher', spkiPem };
});

/** A fake server: each URL answers what the test last put there. */
function server() {
  const routes = new Map<string, () => Response | Promise<Response>>();
  const requests: { url: string; ifNoneMatch: string | null }[] = [];
  const fetcher = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, ifNoneMatch: new Headers(init?.headers).get('if-none-match') });
    const route = routes.get(url);
    if (!route) return new Response('not found', { status: 404 });
    return new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      Promise.resolve(route()).then(resolve, reject);
    });
  });
  const serve = async (bytes: Uint8Array<ArrayBuffer>, options: { etag?: string; key?: CryptoKey } = {}) => {
    const signature = await sign(subtle, options.key ?? publisher.privateKey, bytes);
    routes.set(URL_A, () => new Response(bytes, { status: 200, headers: options.etag ? { etag: options.etag } : {} }));
    routes.set(`${URL_A}.sig`, () => new Response(signature));
  };
  return { routes, requests, fetcher: fetcher as unknown as typeof fetch, serve };
}

let srv: ReturnType<typeof server>;
let changed: number;
let openStore: ReturnType<typeof registryStoreOpener>;

function start(limits = { maxBytes: 1_000_000, timeoutMs: 200 }) {
  const updates = startRegistryUpdates({
    browser: fakeBrowser as never,
    bundled,
    bundledKeys: [publisherEntry],
    subtle,
    openStore,
    onRegistryChanged: () => changed++,
    fetcher: srv.fetcher,
    now: () => new Date('2026-11-22T08:00:00Z'),
    random: () => 0.5,
    limits,
  });
  startMessageRouter(fakeBrowser as never, {
    content: {},
    pages: { checkUpdates: updates.checkUpdates, importRegistry: updates.importRegistry },
  });
  return updates;
}

/** Stages a file as the options page does, for an importRegistry message. */
const staged = async (bytes: Uint8Array<ArrayBuffer>) => (await openStore()).stageImport(bytes.slice().buffer);

const fromOptions = { id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/options.html' };
/** Sends a message as an extension page would, through the worker's router, and gives its answer. */
async function ask(message: unknown, sender: object = fromOptions) {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return reply as UpdateReply | undefined;
}
/** The update status and the installed-registry record as stored, unchecked: what the worker wrote. */
const status = async () => (await fakeBrowser.storage.local.get(UPDATE_STATUS.key))[UPDATE_STATUS.key] as UpdateStatus;
const stored = async () => (await fakeBrowser.storage.local.get(STORED_REGISTRY.key))[STORED_REGISTRY.key] as StoredRegistry | undefined;
const version = async (updates: { registry: () => Promise<RegistrySource> }) => (await updates.registry()).info.version;
/** The numbers of the licences listing `domain`, read as a verdict reads them. */
async function listing(updates: { registry: () => Promise<RegistrySource> }, domain: string) {
  const index = await (await updates.registry()).select(verdictKeys(domain, []));
  return index.licencesListing(domain).map((l) => l.number);
}

/** A registry written to the store and recorded as installed, as a worker that accepted it leaves them. */
async function install(registry: object, generation = 7) {
  const record = {
    origin: 'update',
    source: URL_A,
    acceptedAt: 'x',
    keyId: 'k',
    format: STORE_FORMAT,
    ...(await writeToStore(openStore, RegistrySchema.parse(registry), generation)),
  };
  await fakeBrowser.storage.local.set({ [STORED_REGISTRY.key]: record });
  return record;
}

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  openStore = registryStoreOpener();
  srv = server();
  changed = 0;
  await fakeBrowser.storage.local.set({ [SETTINGS.key]: { ...DEFAULT_SETTINGS, updateUrls: [URL_A] } });
});

describe('update checks', () => {
  it('accepts a good signed update into the store, keeps its ETag, and schedules the next check in about a day', async () => {
    const updates = start();
    await srv.serve(encode(newDomainRegistry(2)), { etag: '"v2"' });
    expect(await ask({ type: 'checkUpdates' })).toEqual({
      ok: true,
      said: { key: 'reply_accepted', subs: ['2', URL_A, publisherEntry.id] },
    });
    expect(await listing(updates, 'dongchedi-mall.cn')).toEqual(['渝B2-20230001']);
    expect(await listing(updates, 'www.dongchedi-mall.cn')).toEqual([]);
    expect(changed).toBe(1);
    expect(await stored()).toMatchObject({
      origin: 'update',
      source: URL_A,
      keyId: publisherEntry.id,
      info: { version: 2, licences: 4, domains: 8 },
    });
    expect(await status()).toMatchObject({
      lastCheck: { outcome: 'accepted', detail: { key: 'reply_accepted', subs: ['2', URL_A, publisherEntry.id] } },
      lastRefusal: null,
      failures: 0,
      etags: { [URL_A]: '"v2"' },
    });
    // With the jitter at its middle (random 0.5) the next check is a day away: not sooner, not later.
    const alarm = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

    srv.routes.set(URL_A, () => new Response(null, { status: 304 }));
    expect(await ask({ type: 'checkUpdates' })).toEqual({ ok: true, said: { key: 'reply_not_modified', subs: [URL_A] } });
    expect(srv.requests.at(-1)).toEqual({ url: URL_A, ifNoneMatch: '"v2"' });
  });

  const refusals: [string, (s: ReturnType<typeof server>) => Promise<void> | void, { key: string; subs: unknown[] }][] = [
    [
      'a 500',
      (s) => void s.routes.set(URL_A, () => new Response('boom', { status: 500 })),
      { key: 'download_http_status', subs: [URL_A, '500'] },
    ],
    [
      'a redirect',
      (s) => void s.routes.set(URL_A, () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/r.json' } })),
      { key: 'download_redirected', subs: [URL_A] },
    ],
    [
      'a response that never finishes',
      (s) => void s.routes.set(URL_A, () => new Promise<Response>(() => undefined)),
      { key: 'download_silent', subs: [URL_A, '0.2'] },
    ],
    [
      'an oversized file',
      (s) => s.serve(encode({ ...newDomainRegistry(2), padding: 'x'.repeat(1_000_001) })),
      { key: 'download_too_large', subs: ['1000000'] },
    ],
    [
      'a missing signature',
      async (s) => {
        await s.serve(encode(newDomainRegistry(2)));
        s.routes.delete(`${URL_A}.sig`);
      },
      { key: 'download_no_signature', subs: [`${URL_A}.sig`, '404'] },
    ],
    [
      'an unreachable server',
      (s) => void s.routes.set(URL_A, () => Promise.reject(new TypeError('Failed to fetch'))),
      { key: 'download_unreachable', subs: [URL_A, 'Failed to fetch'] },
    ],
    [
      'tampered bytes',
      async (s) => {
        await s.serve(encode(newDomainRegistry(2)));
        s.routes.set(URL_A, () => new Response(encode(newDomainRegistry(3))));
      },
      { key: 'refused_bad_signature', subs: [] },
    ],
    ['the same version', (s) => s.serve(encode(newDomainRegistry(1))), { key: 'refused_not_newer', subs: ['1', '1'] }],
  ];

  it.each(refusals)('refuses %s, keeps the bundled registry, and backs off', async (_, arrange, reason) => {
    const updates = start();
    await arrange(srv);
    const reply = await ask({ type: 'checkUpdates' });
    expect(reply).toEqual({ ok: false, said: reason });
    expect((await updates.registry()).info).toEqual(infoOf(bundled));
    expect(changed).toBe(0);
    expect(await stored()).toBeUndefined();
    expect(await status()).toMatchObject({
      failures: 1,
      lastCheck: { outcome: 'refused', detail: reason },
      lastRefusal: { source: URL_A, reason },
    });
    // The first failure: half an hour, neither a retry storm nor a day's wait.
    const alarm = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('keeps the updated registry when a later update is refused', async () => {
    const updates = start();
    await srv.serve(encode(newDomainRegistry(2)));
    await ask({ type: 'checkUpdates' });
    srv.routes.set(URL_A, () => new Response('boom', { status: 500 }));
    await ask({ type: 'checkUpdates' });
    expect(await version(updates)).toBe(2);
    expect(await listing(updates, 'dongchedi-mall.cn')).toEqual(['渝B2-20230001']);
    expect((await stored())?.info.version).toBe(2);
  });

  it('checks on its alarm, first within an hour of start', async () => {
    start();
    await srv.serve(encode(newDomainRegistry(2)));
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined());
    // 5 to 60 minutes after the first start; 32.5 with the jitter at its middle.
    const first = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(first!.scheduledTime - Date.now()).toBeGreaterThan(32 * 60_000);
    expect(first!.scheduledTime - Date.now()).toBeLessThanOrEqual(32.5 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger(first!);
    await vi.waitFor(async () => expect((await status())?.lastCheck?.outcome).toBe('accepted'));
  });

  it('backs off from half an hour to a day, within ten per cent either way of jitter', () => {
    expect([0, 1, 2, 3, 6, 20].map((f) => Math.round(nextCheckDelayMinutes(f, () => 0.5)))).toEqual([1440, 30, 60, 120, 960, 1440]);
    expect([0, 1, 6, 20].map((f) => Math.round(nextCheckDelayMinutes(f, () => 0)))).toEqual([1296, 27, 864, 1296]);
    expect([0, 1, 6, 20].map((f) => Math.round(nextCheckDelayMinutes(f, () => 0.999_999)))).toEqual([1584, 33, 1056, 1584]);
    expect([0, 1].map((random) => firstCheckDelayMinutes(() => random))).toEqual([5, 60]);
  });
});

describe('imports and lifecycle', () => {
  it('imports a signed file from the options page through the same checks', async () => {
    const updates = start();
    const bytes = encode(newDomainRegistry(5));
    const signature = await sign(subtle, publisher.privateKey, bytes);
    expect(await ask({ type: 'importRegistry', staged: await staged(bytes), signature })).toEqual({
      ok: true,
      said: { key: 'reply_accepted_import', subs: ['5', publisherEntry.id] },
    });
    expect(await version(updates)).toBe(5);
    expect(await stored()).toMatchObject({ origin: 'import', source: 'imported file' });
    const older = encode(newDomainRegistry(4));
    expect(
      await ask({ type: 'importRegistry', staged: await staged(older), signature: await sign(subtle, publisher.privateKey, older) }),
    ).toEqual({
      ok: false,
      said: { key: 'refused_not_newer', subs: ['4', '5'] },
    });
    expect((await status()).lastRefusal).toMatchObject({
      source: { key: 'source_imported_file', subs: [] },
      reason: { key: 'refused_not_newer', subs: ['4', '5'] },
    });
  });

  it('says so when a staged file is not there, and clears what earlier pages left staged', async () => {
    start();
    const left = await staged(encode(newDomainRegistry(2)));
    const unreadable = { ok: false, said: { key: 'reply_import_unreadable', subs: [] } };
    expect(await ask({ type: 'importRegistry', staged: crypto.randomUUID(), signature: 'x' })).toEqual(unreadable);
    expect(await ask({ type: 'importRegistry', staged: left, signature: 'x' })).toEqual(unreadable);
  });

  it('trusts a key the reader added', async () => {
    const other = await subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
    const spkiPem = toPem(await subtle.exportKey('spki', other.publicKey), 'PUBLIC KEY');
    const bytes = encode(newDomainRegistry(2));
    const signature = await sign(subtle, other.privateKey, bytes);
    const updates = start();
    expect(await ask({ type: 'importRegistry', staged: await staged(bytes), signature })).toMatchObject({ ok: false });
    await fakeBrowser.storage.local.set({ [SETTINGS.key]: { ...DEFAULT_SETTINGS, userKeys: [{ id: 'key-team', name: 'team', spkiPem }] } });
    expect(await ask({ type: 'importRegistry', staged: await staged(bytes), signature })).toEqual({
      ok: true,
      said: { key: 'reply_accepted_import', subs: ['2', 'key-team'] },
    });
    expect(await version(updates)).toBe(2);
  });

  it('ignores update requests that do not come from its own pages', async () => {
    start();
    await srv.serve(encode(newDomainRegistry(2)));
    expect(
      await ask({ type: 'checkUpdates' }, { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 3 } }),
    ).toBeUndefined();
    expect(await ask({ type: 'checkUpdates' }, { id: 'other-extension', url: 'chrome-extension://other/options.html' })).toBeUndefined();
    expect(await ask({ type: 'importRegistry', staged: 42 })).toBeUndefined();
    expect(await ask({ type: 'importRegistry', staged: '../../etc', signature: 'x' })).toBeUndefined();
    expect(srv.fetcher).not.toHaveBeenCalled();
  });

  it('discards a stored registry whose record is corrupted at start, says so, and uses the bundled one', async () => {
    const record = await install(newDomainRegistry(3));
    await fakeBrowser.storage.local.set({ [STORED_REGISTRY.key]: { ...record, format: 99 } });
    const updates = start();
    expect((await updates.registry()).info).toEqual(infoOf(bundled));
    expect(await stored()).toBeUndefined();
    expect((await status()).lastRefusal).toMatchObject({
      source: { key: 'source_stored_registry', subs: [] },
      reason: { key: 'stored_discarded_record', subs: [] },
    });
  });

  /** Opens the registry database as a damaged profile would leave it, and changes it with `damage`. */
  async function damage(change: (db: IDBDatabase, done: () => void) => void) {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('licence-registry');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => change(db, resolve));
    db.close();
  }

  it('discards at start a stored registry whose records have gone, says so, and uses the bundled one', async () => {
    await install(newDomainRegistry(3));
    await damage((db, done) => {
      const tx = db.transaction('licence-chunks', 'readwrite');
      tx.objectStore('licence-chunks').clear();
      tx.oncomplete = done;
    });
    const updates = start();
    // The check runs once the first verdicts can be answered, without holding them up.
    await updates.idle();
    expect(await version(updates)).toBe(1);
    expect(changed).toBe(1);
    expect(await stored()).toBeUndefined();
    expect((await status()).lastRefusal).toMatchObject({
      source: { key: 'source_stored_registry', subs: [] },
      reason: { key: 'stored_discarded', subs: [expect.stringMatching(/^its [1-9]\d* chunks of licences are gone$/)] },
    });
  });

  it('answers from the bundled registry when a stored licence turns out malformed, then discards the store and says so', async () => {
    await install(newDomainRegistry(3));
    await damage((db, done) => {
      const tx = db.transaction('licence-chunks', 'readwrite');
      const chunks = tx.objectStore('licence-chunks');
      const cursor = chunks.openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        const chunk = at.value as { licences: { number: string; holder: string }[] };
        if (chunk.licences.some((l) => l.number === '渝B2-20230001')) {
          at.update({ ...chunk, licences: chunk.licences.map((l) => (l.number === '渝B2-20230001' ? { ...l, holder: '' } : l)) });
        }
        at.continue();
      };
      tx.oncomplete = done;
    });
    const updates = start();
    await updates.idle();
    expect(await version(updates)).toBe(3);
    // The bundled registry does not list dongchedi-mall.cn; version 3 did, but its licence no longer reads.
    expect(await listing(updates, 'dongchedi-mall.cn')).toEqual([]);
    await vi.waitFor(async () => expect(await stored()).toBeUndefined());
    await updates.idle();
    expect(await version(updates)).toBe(1);
    expect(changed).toBe(1);
    expect((await status()).lastRefusal).toMatchObject({
      source: { key: 'source_stored_registry', subs: [] },
      reason: { key: 'stored_discarded', subs: ['its licence 渝B2-20230001 no longer matches the schema'] },
    });
  });

  it('answers from the bundled registry when IndexedDB cannot be opened at all, and says so', async () => {
    await install(newDomainRegistry(3));
    openStore = registryStoreOpener();
    const broken = new IDBFactory();
    broken.open = () => {
      throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
    };
    globalThis.indexedDB = broken;
    const updates = start();
    expect((await updates.registry()).info).toEqual(infoOf(bundled));
    expect(await listing(updates, 'etaoche.cn')).toEqual(['京B2-20190486']);
    expect((await status()).lastRefusal).toMatchObject({
      source: { key: 'source_stored_registry', subs: [] },
      reason: { key: 'stored_unreadable', subs: [expect.stringContaining('IndexedDB is disabled')] },
    });
  });

  it('drops a stored registry once the extension bundles one at least as new', async () => {
    await install(newDomainRegistry(1));
    const updates = start();
    expect((await updates.registry()).info).toEqual(infoOf(bundled));
    expect(await stored()).toBeUndefined();
  });

  it('uses a newer stored registry after a restart, without reading it whole', async () => {
    await install(newDomainRegistry(3));
    const updates = start();
    expect(await version(updates)).toBe(3);
    expect(await listing(updates, 'dongchedi-mall.cn')).toEqual(['渝B2-20230001']);
  });

  it('sweeps a registry whose install stopped half-way, and keeps the one in force', async () => {
    const record = await install(newDomainRegistry(3), 7);
    await writeToStore(openStore, RegistrySchema.parse(newDomainRegistry(4)), 8);
    const updates = start();
    await updates.idle();
    expect(await version(updates)).toBe(3);
    await vi.waitFor(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('licence-registry');
        request.onsuccess = () => resolve(request.result);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const request = db.transaction('licence-chunks').objectStore('licence-chunks').getAllKeys();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      expect(new Set(keys.map((k) => (k as number[])[0]))).toEqual(new Set([record.generation]));
    });
  });
});

describe('deltas', () => {
  // Version 2 lists dongchedi-mall.cn under 渝B2-20230001; version 3 moves it to a new licence, drops one,
  // and changes a holder; version 4 adds a filing.
  const v2 = RegistrySchema.parse(newDomainRegistry(2));
  const dropped = v2.licences[1].number;
  const v3 = RegistrySchema.parse({
    ...v2,
    version: 3,
    licences: [
      ...v2.licences
        .filter((l) => l.number !== dropped)
        .map((l) => (l.number === '渝B2-20230001' ? { ...l, holder: '改名后的懂车帝公司', sites: [] } : l)),
      { ...v2.licences[0], number: '京B2-20990001', sites: [{ ...v2.licences[0].sites[0], domain: 'dongchedi-mall.cn' }] },
    ],
  });
  const v4 = RegistrySchema.parse({ ...v3, version: 4, filings: [syntheticFiling(5)] });
  const signedRoute = async (url: string, value: unknown, tamper = false) => {
    const bytes = encode(value);
    const signature = await sign(subtle, publisher.privateKey, bytes);
    if (tamper) bytes[bytes.length - 3] ^= 1;
    srv.routes.set(url, () => new Response(bytes, { headers: { date: 'Sun, 22 Nov 2026 07:00:00 GMT' } }));
    srv.routes.set(`${url}.sig`, () => new Response(signature));
  };
  const fullRequests = () => srv.requests.filter((r) => r.url === URL_A).length;

  /** Version 2 installed from URL_A, as a reader has it before the publisher's next version. */
  async function atVersion2() {
    const updates = start();
    await srv.serve(encode(v2), { etag: '"v2"' });
    expect(await ask({ type: 'checkUpdates' })).toMatchObject({ ok: true, said: { key: 'reply_accepted' } });
    return updates;
  }

  it('applies the delta from the version in force without downloading the whole file, then asks for the whole file only if it changed since', async () => {
    const updates = await atVersion2();
    await srv.serve(encode(v3), { etag: '"v3"' });
    await signedRoute(`${URL_A}.from-2`, diffRegistries(v2, v3));
    const before = fullRequests();
    expect(await ask({ type: 'checkUpdates' })).toEqual({
      ok: true,
      said: { key: 'reply_accepted_delta', subs: ['2', '3', URL_A, publisherEntry.id] },
    });
    expect(fullRequests()).toBe(before);
    expect(await version(updates)).toBe(3);
    expect(await listing(updates, 'dongchedi-mall.cn')).toEqual(['京B2-20990001']);
    const fresh = new RegistryIndex(v3);
    expect((await updates.registry()).info).toEqual(infoOf(fresh));
    // The licence dropped and the one changed are still stored, superseded.
    expect(await stored()).toMatchObject({ contentHash: registryContentHash(v3), info: infoOf(fresh), superseded: 2 });
    expect(await status()).toMatchObject({ etags: {}, since: { [URL_A]: 'Sun, 22 Nov 2026 07:00:00 GMT' }, failures: 0 });

    // Nothing newer: no delta from 3, and the whole file answers 304 to If-Modified-Since.
    srv.routes.set(URL_A, () => new Response(null, { status: 304 }));
    expect(await ask({ type: 'checkUpdates' })).toEqual({ ok: true, said: { key: 'reply_not_modified', subs: [URL_A] } });
    expect(srv.requests.slice(-2).map((r) => r.url)).toEqual([`${URL_A}.from-3`, URL_A]);
  });

  it('applies deltas one after the other up to the newest', async () => {
    const updates = await atVersion2();
    await signedRoute(`${URL_A}.from-2`, diffRegistries(v2, v3));
    await signedRoute(`${URL_A}.from-3`, diffRegistries(v3, v4));
    expect(await ask({ type: 'checkUpdates' })).toMatchObject({ ok: true, said: { subs: ['2', '4', URL_A, publisherEntry.id] } });
    expect(await version(updates)).toBe(4);
    expect(await stored()).toMatchObject({ contentHash: registryContentHash(v4), info: infoOf(new RegistryIndex(v4)) });
    const filed = await (
      await updates.registry()
    ).select({ numbers: [], filings: [syntheticFiling(5).number], domains: [], serials: [], name: null });
    expect(filed.registry.filings).toEqual(v4.filings);
  });

  const misfits: [string, () => Promise<void>, string][] = [
    [
      'a delta made from another version 2',
      () => signedRoute(`${URL_A}.from-2`, diffRegistries({ ...v2, licences: v2.licences.slice(1) }, v3)),
      'refused_delta_base',
    ],
    [
      'a delta whose result is not the one it promises',
      () => {
        const delta = diffRegistries(v2, v3);
        return signedRoute(`${URL_A}.from-2`, { ...delta, licences: { ...delta.licences, remove: [] } });
      },
      'refused_delta_result',
    ],
    [
      'a delta promising another result',
      () =>
        signedRoute(`${URL_A}.from-2`, { ...diffRegistries(v2, v3), to: { ...diffRegistries(v2, v3).to, contentHash: '0'.repeat(64) } }),
      'refused_delta_result',
    ],
    ['a delta with a bad signature', () => signedRoute(`${URL_A}.from-2`, diffRegistries(v2, v3), true), 'refused_bad_signature'],
    ['an older delta replayed', () => signedRoute(`${URL_A}.from-2`, diffRegistries({ ...v2, version: 1 }, v2)), 'refused_not_newer'],
    ['a file that is no delta', () => signedRoute(`${URL_A}.from-2`, v3), 'refused_not_delta'],
  ];

  it.each(misfits)('falls back to the whole file for %s, changing nothing with it', async (_, publish, reason) => {
    const updates = await atVersion2();
    const hashOf2 = (await stored())?.contentHash;
    await publish();
    await srv.serve(encode(v3), { etag: '"v3"' });
    expect(await ask({ type: 'checkUpdates' })).toEqual({
      ok: true,
      said: { key: 'reply_accepted', subs: ['3', URL_A, publisherEntry.id] },
    });
    expect(hashOf2).toBe(registryContentHash(v2));
    expect(await stored()).toMatchObject({ contentHash: registryContentHash(v3), info: { version: 3 } });
    expect(await listing(updates, 'dongchedi-mall.cn')).toEqual(['京B2-20990001']);
    expect((await status()).lastRefusal).toMatchObject({ source: URL_A, reason: { key: reason } });
    expect(await status()).toMatchObject({ etags: { [URL_A]: '"v3"' } });
  });

  it('answers after each of a chain of deltas as the registry it leads to, held whole', async () => {
    // A delta appends what it changes: a domain a licence drops, a licence removed and its number back later,
    // a holder renamed twice, and a day's worth of changes on top.
    // Besides, u and v share a domain, and v goes: the domain stays listed.
    const synthetic = syntheticRegistry(300, 5).licences;
    const [u, v] = synthetic.slice(0, 2);
    const shared = { ...u, sites: [...u.sites, v.sites[0]] };
    const base = RegistrySchema.parse({ ...v2, licences: [...v2.licences, shared, ...synthetic.slice(1)] });
    const [x, y, z] = base.licences.slice(-3);
    const a = RegistrySchema.parse({
      ...base,
      version: 3,
      licences: [
        ...base.licences
          .filter((l) => l.number !== y.number && l.number !== v.number)
          .map((l) => (l === x ? { ...l, sites: l.sites.slice(1) } : l === z ? { ...l, holder: '第一次改名科技有限公司' } : l)),
        { ...y, number: '京B2-20990002', holder: '接手的新公司' },
      ],
    });
    const b = RegistrySchema.parse({
      ...a,
      version: 4,
      licences: [
        ...a.licences
          .filter((l) => l.number !== z.number)
          .map((l) =>
            l.number === x.number ? x : l.number === '京B2-20990002' ? { ...l, sites: [{ ...l.sites[0], domain: 'moved.cn' }] } : l,
          ),
        { ...y, holder: '回来的公司', sites: [{ ...y.sites[0], domain: 'back.cn' }] },
      ],
    });
    const c = dayLater(b, 5);
    const domains = [...new Set([base, a, b, c].flatMap((r) => r.licences.flatMap((l) => l.sites.map((s) => s.domain))))];
    const queries = [x, y, z]
      .flatMap((l) => [l.number, l.number.slice(-8), l.holder])
      .concat(['京B2-20990002', '第一次改名', '接手的新公司', '回来的公司', '更名', '懂车帝', '合成测试']);

    const updates = start();
    await srv.serve(encode(base), { etag: '"v2"' });
    expect(await ask({ type: 'checkUpdates' })).toMatchObject({ ok: true, said: { key: 'reply_accepted' } });
    for (const [from, to] of [
      [base, a],
      [a, b],
      [b, c],
    ] as [Registry, Registry][]) {
      await signedRoute(`${URL_A}.from-${from.version}`, diffRegistries(from, to));
      expect(await ask({ type: 'checkUpdates' }), `to ${to.version}`).toMatchObject({ ok: true, said: { key: 'reply_accepted_delta' } });
      const memory = new RegistryIndex(to);
      const source = await updates.registry();
      expect(source.info).toEqual(infoOf(memory));
      for (const host of domains) {
        const input = { host, claimedLicenceNumbers: [y.number], today: '2026-06-01' };
        expect(await verdictFrom(source, input), `${host} at ${to.version}`).toEqual(computeVerdict({ ...input, index: memory }));
      }
      for (const q of queries) {
        const query = classifyQuery(q);
        expect(await lookupIn(source, query, '2026-06-01'), `${q} at ${to.version}`).toEqual(runLookup(query, memory, '2026-06-01'));
      }
    }
  });

  it('takes the whole file instead of a delta once deltas have superseded half as many records as the registry holds', async () => {
    await atVersion2();
    await signedRoute(`${URL_A}.from-2`, diffRegistries(v2, v3));
    await srv.serve(encode(v3), { etag: '"v3"' });
    const record = (await stored()) as StoredRegistry;
    const half = Math.floor((record.info.licences + (record.info.filings ?? 0)) / 2);
    await fakeBrowser.storage.local.set({ [STORED_REGISTRY.key]: { ...record, superseded: half + 1 } });
    expect(await ask({ type: 'checkUpdates' })).toEqual({
      ok: true,
      said: { key: 'reply_accepted', subs: ['3', URL_A, publisherEntry.id] },
    });
    expect(srv.requests.map((r) => r.url)).not.toContain(`${URL_A}.from-2`);
    expect(await stored()).toMatchObject({ contentHash: registryContentHash(v3) });
    expect(await stored()).not.toHaveProperty('superseded');

    // At half, deltas are still taken.
    await fakeBrowser.storage.local.set({ [STORED_REGISTRY.key]: { ...(await stored()), superseded: half } });
    await signedRoute(`${URL_A}.from-3`, diffRegistries(v3, v4));
    expect(await ask({ type: 'checkUpdates' })).toMatchObject({ ok: true, said: { key: 'reply_accepted_delta' } });
  });

  it('leaves the store as it was when the delta does not fit and the whole file cannot be had', async () => {
    const updates = await atVersion2();
    await signedRoute(`${URL_A}.from-2`, { ...diffRegistries(v2, v3), to: { ...diffRegistries(v2, v3).to, contentHash: '0'.repeat(64) } });
    srv.routes.set(URL_A, () => new Response('boom', { status: 500 }));
    expect(await ask({ type: 'checkUpdates' })).toMatchObject({ ok: false, said: { key: 'download_http_status' } });
    expect(await version(updates)).toBe(2);
    expect(await listing(updates, 'dongchedi-mall.cn')).toEqual(['渝B2-20230001']);
    expect(await stored()).toMatchObject({ contentHash: registryContentHash(v2) });
  });
});
