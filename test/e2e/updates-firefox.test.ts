import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../core/dates';
import { RegistrySchema } from '../../core/registry/schema';
import { diffRegistries } from '../../core/update/registry-delta';
import { BADGES } from '../../core/verdict/badge';
import { importPrivateKey, sign } from '../../core/update/signature';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { SETTINGS } from '../../storage/storage-items';
import { extensionPage, readBadge, startFirefoxSession, tabIdOf } from './firefox';
import { UPDATE_SITE } from './fixture-sites';
import { E2E_PRIVATE_KEY, E2E_REGISTRY, SCREENSHOTS } from './paths';
import { startUpdateServer } from './update-server';
import { waitFor } from './wait-for';
import { gzipSync } from 'node:zlib';

const base = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
const added = {
  number: '沪B2-20250009',
  holder: '上海新店网络科技有限公司',
  legalRepresentative: '测试',
  issuedOn: localToday(),
  validUntil: new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10),
  services: [],
  sites: [{ kind: 'website', name: '新店', domain: UPDATE_SITE.host, services: [], serverLocation: '上海市', accessProvider: '测试接入' }],
  history: [],
  sources: ['updates-firefox.test.ts'],
};

let firefox: Browser;
let extension: Page;
let sites: Awaited<ReturnType<typeof startFirefoxSession>>['sites'];
let session: Awaited<ReturnType<typeof startFirefoxSession>>;
let updates: Awaited<ReturnType<typeof startUpdateServer>>;

beforeAll(async () => {
  updates = await startUpdateServer();
  session = await startFirefoxSession();
  ({ browser: firefox, extension, sites } = session);
}, 90_000);

afterAll(async () => {
  await session?.close();
  await updates?.close();
});

describe('signed registry updates in real Firefox ESR', () => {
  it('accepts a signed, gzip-compressed update into its IndexedDB store: the badge and the popup answer from it', async () => {
    const url = sites.url(UPDATE_SITE.host);
    const shop = await firefox.newPage();
    await shop.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(extension, url);
    expect(
      await waitFor(
        () => readBadge(extension, tabId),
        (b) => b.text === BADGES.unknown.text && b.color === BADGES.unknown.color,
      ),
    ).toMatchObject({ text: BADGES.unknown.text, color: BADGES.unknown.color });

    const text = JSON.stringify({ ...base, version: 2, licences: [...base.licences, added] });
    const key = (await importPrivateKey(globalThis.crypto.subtle, readFileSync(E2E_PRIVATE_KEY, 'utf8')))!;
    // Compressed as publishers serve it; the signature covers the compressed bytes.
    const packed = new Uint8Array(gzipSync(text));
    updates.serve(packed, await sign(globalThis.crypto.subtle, key, packed));
    const reply = await extension.evaluate(
      async (key: string, settings: object) => {
        // Through globalThis: the test runner would otherwise rewrite `browser` into its own import.
        const ext = (globalThis as unknown as { browser: ExtensionApi }).browser;
        await ext.storage.local.set({ [key]: settings });
        return ext.runtime.sendMessage({ type: 'checkUpdates' });
      },
      SETTINGS.key,
      { ...DEFAULT_SETTINGS, updateUrls: [updates.url] },
    );
    expect(reply).toMatchObject({ ok: true, said: { key: 'reply_accepted', subs: ['2', updates.url, expect.any(String)] } });
    const badge = await waitFor(
      () => readBadge(extension, tabId),
      (b) => b.text === BADGES.listed.text && b.color === BADGES.listed.color,
    );
    expect(badge).toMatchObject({ text: BADGES.listed.text, color: BADGES.listed.color });

    const popup = await extensionPage(firefox);
    await popup.evaluate((q: string) => location.assign(`popup.html?q=${encodeURIComponent(q)}`), '沪b2 20250009').catch(() => undefined);
    const holder = await waitFor(
      () => popup.evaluate(() => document.body.textContent ?? '').catch(() => ''),
      (t) => t.includes('上海新店网络科技有限公司'),
    );
    expect(holder).toContain('Registry version 2');
    await popup.screenshot({ path: join(SCREENSHOTS, 'firefox-popup-updated-registry.png') });
    await Promise.all([popup.close(), shop.close()]);
  }, 60_000);

  it('takes a signed delta from the version in force, and the whole file for a delta onto another base', async () => {
    const url = sites.url(UPDATE_SITE.host);
    const shop = await firefox.newPage();
    await shop.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(extension, url);
    const showing = (badge: { text: string; color: string | null }) =>
      waitFor(
        () => readBadge(extension, tabId),
        (b) => b.text === badge.text && b.color === badge.color,
      );
    expect(await showing(BADGES.listed)).toMatchObject(BADGES.listed);
    const key = (await importPrivateKey(globalThis.crypto.subtle, readFileSync(E2E_PRIVATE_KEY, 'utf8')))!;
    const signed = (text: string) => sign(globalThis.crypto.subtle, key, new Uint8Array(new TextEncoder().encode(text)));
    const check = () =>
      extension.evaluate(() => (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage({ type: 'checkUpdates' }));

    // Version 3 drops the shop's licence; only the delta brings it, the whole file stays at version 2.
    const v2 = RegistrySchema.parse({ ...base, version: 2, licences: [...base.licences, added] });
    const v3 = RegistrySchema.parse({ ...base, version: 3 });
    const delta = JSON.stringify(diffRegistries(v2, v3));
    updates.publish('registry.json.from-2', delta, await signed(delta));
    expect(await check()).toMatchObject({
      ok: true,
      said: { key: 'reply_accepted_delta', subs: ['2', '3', updates.url, expect.any(String)] },
    });
    expect(await showing(BADGES.unknown)).toMatchObject(BADGES.unknown);

    // A delta made from another version 3: the whole version 4, which lists the shop again, is taken instead.
    const misfit = JSON.stringify(diffRegistries({ ...v3, licences: v3.licences.slice(1) }, { ...v2, version: 4 }));
    updates.publish('registry.json.from-3', misfit, await signed(misfit));
    const v4 = JSON.stringify({ ...v2, version: 4 });
    updates.serve(v4, await signed(v4));
    expect(await check()).toMatchObject({ ok: true, said: { key: 'reply_accepted', subs: ['4', updates.url, expect.any(String)] } });
    expect(await showing(BADGES.listed)).toMatchObject(BADGES.listed);
    await shop.close();
  }, 60_000);
});

type ExtensionApi = {
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
};
