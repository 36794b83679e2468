import type { Browser, Page } from 'puppeteer-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../core/dates';
import { RegistrySchema, type Licence, type Registry } from '../../core/registry/schema';
import { diffRegistries } from '../../core/update/registry-delta';
import type { Verdict } from '../../core/verdict/verdict';
import { importPrivateKey, sign, SIGNING_ALGORITHM } from '../../core/update/signature';
import { ExtensionWorker, openSite, readBadge, startChromiumSession, stopServiceWorkers, tabIdOf, saveScreenshot } from './chromium';
import { badgeSaying } from './badge-wait';
import { UPDATE_SITE } from './fixture-sites';
import { E2E_PRIVATE_KEY, E2E_REGISTRY } from './paths';
import { startUpdateServer } from './update-server';
import { waitFor } from './wait-for';
import { ROOT, runCli } from '../cli/run-cli';
import { BADGES } from '../../core/verdict/badge';

const { subtle } = globalThis.crypto;
const base = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
const validUntil = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
const added: Licence = {
  number: '沪B2-20250009',
  holder: '上海新店网络科技有限公司',
  legalRepresentative: '测试',
  issuedOn: localToday(),
  validUntil,
  services: [],
  sites: [{ kind: 'website', name: '新店', domain: UPDATE_SITE.host, services: [], serverLocation: '上海市', accessProvider: '测试接入' }],
  history: [],
  sources: ['updates-chromium.test.ts'],
};
const registryText = (version: number, change: (r: Registry) => object = (r) => r) =>
  JSON.stringify(change({ ...base, version, licences: [...base.licences, added] }), null, 1);

let session: Awaited<ReturnType<typeof startChromiumSession>>;
let browser: Browser;
let worker: ExtensionWorker;
let extensionId: string;
let sites: typeof session.sites;
let updates: Awaited<ReturnType<typeof startUpdateServer>>;
let options: Page;
let shop: Page;
let shopTab: number;
let publisherKey: CryptoKey;
let strangerKey: CryptoKey;

const encode = (text: string) => new Uint8Array(new TextEncoder().encode(text));
const signed = async (text: string, key = publisherKey) => sign(subtle, key, encode(text));

const badgeShowing = (verdict: Verdict, timeoutMs = 15_000) => badgeSaying(() => readBadge(worker, shopTab), verdict, timeoutMs);

const textOf = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

/** Clicks "Check now" and returns the answer the options page shows. */
async function checkNow(timeoutMs = 25_000): Promise<string> {
  const seq = () => options.$eval('#check-result', (e) => Number((e as HTMLElement).dataset.seq));
  const before = await seq();
  // The options tab is in the background while the shop tab is shown; a DOM click reaches it either way.
  await options.$eval('#check-now', (b) => (b as HTMLButtonElement).click());
  await waitFor(seq, (n) => n > before, timeoutMs);
  return textOf(options, '#check-result');
}

beforeAll(async () => {
  publisherKey = (await importPrivateKey(subtle, readFileSync(E2E_PRIVATE_KEY, 'utf8')))!;
  strangerKey = (await subtle.generateKey(SIGNING_ALGORITHM, false, ['sign', 'verify'])).privateKey;
  updates = await startUpdateServer();
  session = await startChromiumSession();
  ({ browser, worker, extensionId, sites } = session);

  options = await browser.newPage();
  await options.setViewport({ width: 900, height: 1100 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('#update-urls');
  // The first-run guide opens in a tab of its own on install; typing and clicking want this tab in front.
  await options.bringToFront();
  await options.type('#update-urls', updates.url);
  await options.click('#save-urls');
  await options.waitForSelector('#saved ::-p-text(Saved)');

  const url = sites.url(UPDATE_SITE.host);
  shop = await openSite(browser, url);
  shopTab = await tabIdOf(worker, url);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await updates?.close();
});

describe('signed registry updates in real Chromium', () => {
  it('accepts a good signed update: a new domain becomes listed in an open tab without reload', async () => {
    expect(await badgeShowing('unknown')).toMatchObject({ text: '?', color: '#6b7280' });
    const text = registryText(2);
    updates.serve(text, await signed(text));
    expect(await checkNow()).toContain('accepted version 2');
    expect(await badgeShowing('listed')).toMatchObject({ text: '✓', color: '#16a34a' });
    await options.waitForSelector('#active-registry dd[data-version="2"]');
    expect(await textOf(options, '#active-registry')).toContain(`Updated from ${updates.url}`);
    await saveScreenshot(options, 'chromium-options-updated.png', true);
  }, 60_000);

  const bad: [string, () => Promise<void>, string][] = [
    [
      'tampered bytes',
      async () => updates.serve(registryText(3).replace('新店', '旧店'), await signed(registryText(3))),
      'does not verify under any trusted key',
    ],
    [
      'a valid signature by an untrusted key',
      async () => updates.serve(registryText(3), await signed(registryText(3), strangerKey)),
      'does not verify under any trusted key',
    ],
    [
      'an older version',
      async () => updates.serve(registryText(1), await signed(registryText(1))),
      'version 1 is not newer than the active version 2',
    ],
    [
      'the same version',
      async () => updates.serve(registryText(2), await signed(registryText(2))),
      'version 2 is not newer than the active version 2',
    ],
    [
      'malformed JSON',
      async () => updates.serve('{"schemaVersion": 1, "version": 3,', await signed('{"schemaVersion": 1, "version": 3,')),
      'not valid JSON',
    ],
    [
      'a schema-invalid file',
      async () => {
        const text = registryText(3, (r) => ({ ...r, licences: [{ number: '渝B2-2021', holder: '' }] }));
        updates.serve(text, await signed(text));
      },
      'does not match the registry schema',
    ],
    ['an oversized file', async () => updates.oversized(300 * 1024 * 1024), 'more than the limit of 268435456'],
    ['a 500', async () => updates.status(500), 'answered HTTP 500'],
    ['a response that never finishes', async () => updates.hang(), 'sent nothing for 15 seconds'],
    [
      'a redirect to another host',
      async () => updates.redirect(`http://elsewhere.example:${new URL(updates.url).port}/registry.json`),
      'redirected elsewhere',
    ],
  ];

  it.each(bad)(
    'refuses %s, shows why, and keeps answering from the previous registry',
    async (_, arrange, reason) => {
      await arrange();
      expect(await checkNow()).toContain(reason);
      await options.waitForSelector(`#last-refusal ::-p-text(${reason.slice(0, 40)})`);
      expect(await textOf(options, '#last-refusal')).toContain(updates.url);
      expect(await options.$eval('#active-registry dd[data-version]', (e) => e.textContent)).toBe('2');
      expect(await badgeShowing('listed')).toMatchObject({ text: '✓', color: '#16a34a' });
    },
    40_000,
  );

  it('imports a signed registry file through the same checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const text = registryText(3);
    writeFileSync(join(dir, 'registry.json'), text);
    writeFileSync(join(dir, 'registry.json.sig'), `${await signed(text)}\n`);
    const [registryInput, signatureInput] = [await options.$('input#import-registry'), await options.$('input#import-signature')];
    await registryInput!.uploadFile(join(dir, 'registry.json'));
    await signatureInput!.uploadFile(join(dir, 'registry.json.sig'));
    await options.$eval('#import', (b) => (b as HTMLButtonElement).click());
    expect(
      await waitFor(
        () => textOf(options, '#import-result'),
        (t) => t.length > 0,
      ),
    ).toContain('accepted version 3');
    await options.waitForSelector('#active-registry dd[data-version="3"]');
    expect(await textOf(options, '#active-registry')).toContain('Imported from a file');
  });

  it('follows the publisher guide: a key made with registry:keygen, trusted in the options page, signs an import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'publisher-'));
    expect((await runCli('registry-keygen', ['--out', dir, '--name', 'Example Compliance Team'])).status).toBe(0);
    const registry = join(dir, 'registry.json');
    writeFileSync(registry, registryText(4));
    expect((await runCli('registry-sign', ['--key', join(dir, 'registry-signing.private.pem'), registry])).status).toBe(0);

    await options.bringToFront();
    await options.type('#key-name', 'Example Compliance Team');
    await options.$eval(
      '#key-pem',
      (e, pem) => {
        const area = e as HTMLTextAreaElement;
        area.value = pem;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      },
      readFileSync(join(dir, 'registry-signing.public.pem'), 'utf8'),
    );
    await options.$eval('#add-key', (b) => (b as HTMLButtonElement).click());
    await options.waitForSelector('#user-keys ::-p-text(Example Compliance Team)');

    await (await options.$('input#import-registry'))!.uploadFile(registry);
    await (await options.$('input#import-signature'))!.uploadFile(`${registry}.sig`);
    await options.$eval('#import', (b) => (b as HTMLButtonElement).click());
    await options.waitForSelector('#active-registry dd[data-version="4"]');
    expect(await textOf(options, '#import-result')).toMatch(/accepted version 4 from imported file, signed by key-[0-9a-f]{16}/);
  });

  it('falls back to the bundled registry when the stored one is corrupted at start, and says so', async () => {
    // What a damaged profile would leave: the record of the installed registry, but its data gone.
    await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('licence-registry');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve) => {
        const tx = db.transaction(['licence-chunks'], 'readwrite');
        tx.objectStore('licence-chunks').clear();
        tx.oncomplete = resolve;
      });
      db.close();
    });
    await stopServiceWorkers(shop);
    worker = new ExtensionWorker(browser);
    await shop.reload({ waitUntil: 'load' });
    expect(await badgeShowing('unknown')).toMatchObject({ text: '?', color: '#6b7280' });
    await options.reload();
    await options.waitForSelector('#active-registry dd[data-origin="bundled"]');
    await options.waitForSelector('#last-refusal ::-p-text(the stored registry was discarded because)');
    expect(await textOf(options, '#last-refusal')).toMatch(
      /the stored registry was discarded because its [1-9]\d* chunks of licences are gone; the bundled registry is used/,
    );
    await saveScreenshot(options, 'chromium-options-corrupted-fallback.png', true);
  });

  it('takes a registry built from documents and the regulator’s records, served gzip-compressed: a filed domain is listed, an authorised company’s site under a revoked licence is revoked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    const out = join(dir, 'registry.json.gz');
    const sources = join(ROOT, 'test/fixtures/sources');
    // Exit code 3: written, with the fixtures' deliberately bad records refused.
    expect((await runCli('registry-build', ['--out', out, '--version', '5', join(ROOT, 'data/licences'), sources])).status).toBe(3);
    // The signature is over the compressed bytes, exactly as served; the worker decompresses after checking it.
    const bytes = new Uint8Array(readFileSync(out));
    updates.serve(bytes, await sign(subtle, publisherKey, bytes));
    expect(await checkNow()).toContain('accepted version 5');
    for (const [host, verdict] of [
      ['m.yunfan-mall.cn', 'listed'],
      ['qinghe-zhan.cn', 'revoked'],
      ['taoche-news.cn', 'listed'],
    ] as const) {
      const url = sites.url(host);
      const page = await openSite(browser, url);
      const tabId = await tabIdOf(worker, url);
      expect(await badgeSaying(() => readBadge(worker, tabId), verdict, 15_000)).toMatchObject({
        text: BADGES[verdict].text,
        color: BADGES[verdict].color,
      });
      await page.close();
    }
  }, 90_000);

  it('brings the registry up to date by a signed delta, live, and falls back to the whole file for a delta onto another base', async () => {
    const without = RegistrySchema.parse({ ...base, version: 20 });
    const withShop = RegistrySchema.parse({ ...base, version: 21, licences: [...base.licences, added] });
    const full = (r: Registry) => JSON.stringify(r);
    updates.serve(full(without), await signed(full(without)));
    expect(await checkNow()).toContain('accepted version 20');
    expect(await badgeShowing('unknown')).toMatchObject({ text: '?', color: '#6b7280' });

    // The whole file stays at version 20: only the delta can bring version 21.
    const delta = JSON.stringify(diffRegistries(without, withShop));
    updates.publish('registry.json.from-20', delta, await signed(delta));
    expect(await checkNow()).toMatch(
      /^brought version 20 up to version 21 with deltas from http:\/\/127\.0\.0\.1:\d+\/registry\.json, signed by key-/,
    );
    expect(await badgeShowing('listed')).toMatchObject({ text: '✓', color: '#16a34a' });
    await options.waitForSelector('#active-registry dd[data-version="21"]');
    await saveScreenshot(options, 'chromium-options-delta.png', true);

    // A delta made from another version 21 does not fit: the whole version 22 is downloaded instead.
    const elsewhere = RegistrySchema.parse({ ...withShop, licences: withShop.licences.slice(1) });
    const v22 = RegistrySchema.parse({ ...base, version: 22 });
    const misfit = JSON.stringify(diffRegistries(elsewhere, v22));
    updates.publish('registry.json.from-21', misfit, await signed(misfit));
    updates.serve(full(v22), await signed(full(v22)));
    expect(await checkNow()).toContain('accepted version 22');
    await options.waitForSelector('#last-refusal ::-p-text(the delta does not fit the registry here)');
    expect(await badgeShowing('unknown')).toMatchObject({ text: '?', color: '#6b7280' });
  }, 90_000);
});
