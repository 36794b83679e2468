// The registry at scale, in real Chromium with the real extension: a synthetic registry is built and
// signed here, served on 127.0.0.1, accepted through "Check now", and then measured where it lives.
// Alone: node --expose-gc --max-old-space-size=8192 --import tsx bench/registry-scale.ts [domains[:filings] …]
// (e.g. 100000:1000000), which merges its rows into bench-results.json under registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { diffRegistries } from '../core/update/registry-delta';
import { RegistryIndex } from '../core/registry/registry-index';
import { type Registry, RegistrySchema } from '../core/registry/schema';
import { keyIdOf } from '../core/update/key-id';
import { sign, SIGNING_ALGORITHM, toPem } from '../core/update/signature';
import { FIRST_VERDICT_MARK, SCRIPT_START_MARK } from '../worker/startup-marks';
import { DEFAULT_SETTINGS } from '../core/settings';
import { ExtensionWorker, launchChromium, readBadge, stopServiceWorkers, tabIdOf } from '../test/e2e/chromium';
import { median, percentile, round } from './stats';
import { dayLater, syntheticRegistry } from './synthetic-registry';

const ROOT = new URL('..', import.meta.url).pathname;
const { subtle } = globalThis.crypto;

const MB = 1e6;
const COLD_STARTS = 7;

/** A build of the extension that trusts a key made for this run. */
async function benchBuild(dir: string): Promise<{ build: string; key: CryptoKey }> {
  const pair = await subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  const spkiPem = toPem(await subtle.exportKey('spki', pair.publicKey), 'PUBLIC KEY');
  const keys = join(dir, 'trusted-keys.json');
  writeFileSync(keys, JSON.stringify([{ id: await keyIdOf(subtle, spkiPem), name: 'bench publisher', spkiPem }]));
  const env = { ...process.env, LICENCE_TRUSTED_KEYS: keys, WXT_OUT_DIR: join(dir, 'build') };
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, env, stdio: 'ignore' });
  return { build: join(dir, 'build/chrome-mv3'), key: pair.privateKey };
}

async function lookupBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'bench/store-lookups.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'StoreLookups',
    write: false,
  });
  return out.outputFiles[0].text;
}

/** What the obvious alternative costs: parsing, checking and indexing the whole registry at every start. */
function parseWhole(text: string) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = new RegistryIndex(RegistrySchema.parse(JSON.parse(text)));
  const ms = performance.now() - t0;
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  return { ms, heap, domains: index.domainCount(), filings: index.filingCount() };
}

/** Serves the registry, its signature, files published beside them later (a delta), and a plain page under any host name. */
async function serve(bytes: Uint8Array, signature: string) {
  const cors = { 'access-control-allow-origin': '*' };
  const files = new Map<string, Uint8Array | string>([
    ['/registry.json', bytes],
    ['/registry.json.sig', signature],
  ]);
  const server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    if (file !== undefined) res.writeHead(200, { ...cors, 'content-type': 'application/octet-stream' }).end(file);
    else if (req.url?.startsWith('/registry.json')) res.writeHead(404, cors).end('not found');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>shop</title><p>欢迎光临</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    publish: (name: string, body: Uint8Array, sig: string) => {
      files.set(`/${name}`, body);
      files.set(`/${name}.sig`, sig);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Clicks "Check now" and waits for its answer, sampling the worker's heap meanwhile (as often as it answers). */
async function checkNow(options: Page, worker: ExtensionWorker) {
  const seq = () => options.$eval('#check-result', (e) => Number((e as HTMLElement).dataset.seq || 0));
  const before = await seq();
  const t0 = performance.now();
  await options.$eval('#check-now', (b) => (b as HTMLButtonElement).click());
  let peak = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      // A sample may meet the worker stopping or starting (it is woken by the click): it is skipped.
      peak = Math.max(peak, await worker.heapUsed(false).catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await options.waitForFunction(
    (n: number) => Number((document.getElementById('check-result') as HTMLElement).dataset.seq) > n,
    { timeout: 900_000, polling: 200 },
    before,
  );
  const ms = performance.now() - t0;
  running = false;
  await sampling;
  return { ms, peak, answer: await options.$eval('#check-result', (e) => e.textContent ?? '') };
}

/** Hosts a licence lists and hosts only a filing lists (subdomains of random ones), and name queries, for any registry. */
function samples(registry: Registry) {
  const withSites = registry.licences.filter((l) => l.sites.length > 0);
  const filings = registry.filings ?? [];
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
  const at = (i: number) => registry.licences[i % registry.licences.length];
  return {
    listedHost: () => `m.${pick(pick(withSites).sites).domain}`,
    filedHost: () => `m.${pick(pick(filings).sites).domain}`,
    names: [at(12).holder.slice(0, 6), at(7).sites[0]?.name ?? at(7).holder, at(999).holder, '不存在的公司'],
  };
}

/** Signs `text` (the registry, version 2) and measures its install and use in the real extension. */
async function measure(
  registry: Registry,
  text: string,
  buildMs: number,
  build: string,
  key: CryptoKey,
  bundle: string,
  served: Uint8Array<ArrayBuffer> = new TextEncoder().encode(text),
) {
  const t0 = performance.now();
  // What is served and signed: the text itself, or the file a publisher made of it (gzip-compressed).
  const bytes = served;
  const signature = await sign(subtle, key, bytes);
  const signMs = buildMs + performance.now() - t0;
  const whole = parseWhole(text);
  const { listedHost, filedHost, names: nameQueries } = samples(registry);
  const filings = registry.filings?.length ?? 0;

  const server = await serve(bytes, signature);
  const browser = await launchChromium(build);
  try {
    const worker = new ExtensionWorker(browser);
    const extensionId = await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id);
    const url = `http://127.0.0.1:${server.port}/registry.json`;
    await worker.evaluate(
      (settings: object) =>
        (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
          settings,
        }),
      { ...DEFAULT_SETTINGS, updateUrls: [url] },
    );

    const options = await browser.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('#check-now');
    const install = await checkNow(options, worker);
    if (!install.answer.includes('accepted version 2')) throw new Error(`the update was not accepted: ${install.answer}`);
    const heapAfterInstall = await worker.heapUsed();
    const storage = await worker.evaluate(async () => {
      const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
      return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
    });

    // Cold starts: each time the worker is stopped, and the tab going on to a listed site wakes it (a tab
    // of its own, so that a new tab's renderer starting up does not compete with the worker's start).
    const starts: { boot: number; firstVerdict: number }[] = [];
    let coldHeap = 0;
    const page = await browser.newPage();
    for (let run = 0; run < COLD_STARTS; run++) {
      await stopServiceWorkers(options);
      const cold = new ExtensionWorker(browser);
      const siteUrl = `http://${listedHost()}:${server.port}/`;
      await page.goto(siteUrl);
      const tabId = await tabIdOf(cold, siteUrl);
      for (let i = 0; i < 600 && (await readBadge(cold, tabId)).text !== '✓'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      const [boot, firstVerdict] = await cold.evaluate(
        (marks: string[]) => marks.map((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN),
        [SCRIPT_START_MARK, FIRST_VERDICT_MARK],
      );
      starts.push({ boot, firstVerdict });
      coldHeap = Math.max(coldHeap, await cold.heapUsed());
    }

    // Lookups through the store the worker wrote, from an extension page (the popup's own context).
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.evaluate(bundle);
    // Half listed subdomains, half absent hosts; with filings, a third of each kind: listed, filed, absent.
    const kinds = filings > 0 ? 3 : 2;
    const hosts = Array.from({ length: 1_000 }, (_, i) =>
      i % kinds === 1 ? listedHost() : i % kinds === 2 ? filedHost() : `nowhere${i}.example.com`,
    );
    type Api = { StoreLookups: { verdictTimes(h: string[]): Promise<number[]>; nameSearchTimes(q: string[]): Promise<number[]> } };
    const lookups = await popup.evaluate((h: string[]) => (globalThis as unknown as Api).StoreLookups.verdictTimes(h), hosts);
    const filedLookups = lookups.filter((_, i) => filings > 0 && i % kinds === 2);
    const names = await popup.evaluate((q: string[]) => (globalThis as unknown as Api).StoreLookups.nameSearchTimes(q), nameQueries);

    // A day's changes as a signed, compressed delta from version 2, taken through "Check now".
    const deltaBytes = new Uint8Array(gzipSync(JSON.stringify(diffRegistries(registry, dayLater(registry, 3)))));
    server.publish('registry.json.from-2', deltaBytes, await sign(subtle, key, deltaBytes));
    const delta = await checkNow(options, new ExtensionWorker(browser));
    if (!delta.answer.includes('up to version 3')) throw new Error(`the delta was not applied: ${delta.answer}`);
    return {
      domains: whole.domains,
      licences: registry.licences.length,
      filings,
      jsonMB: round(Buffer.byteLength(text) / MB, 1),
      downloadMB: round(bytes.length / MB, 1),
      buildAndSignMs: round(signMs, 0),
      installMs: round(install.ms, 0),
      storedMB: round((storage.indexedDB ?? storage.usage) / MB, 1),
      workerHeapPeakDuringInstallMB: round(install.peak / MB, 0),
      workerHeapAfterInstallMB: round(heapAfterInstall / MB, 1),
      coldStartToFirstVerdictMs: round(median(starts.map((s) => s.firstVerdict)), 1),
      browserWorkerBootMs: round(median(starts.map((s) => s.boot)), 1),
      ourScriptToFirstVerdictMs: round(median(starts.map((s) => s.firstVerdict - s.boot)), 1),
      coldWorkerHeapMB: round(coldHeap / MB, 1),
      lookupMedianMs: round(median(lookups), 3),
      lookupP99Ms: round(percentile(lookups, 0.99), 3),
      ...(filings > 0 ? { filedLookupMedianMs: round(median(filedLookups), 3) } : {}),
      nameSearchFirstMs: round(names[0], 0),
      nameSearchNextMs: round(median(names.slice(1)), 0),
      deltaKB: round(deltaBytes.length / 1e3, 0),
      deltaShareOfDownload: round(deltaBytes.length / bytes.length, 4),
      deltaApplyMs: round(delta.ms, 0),
      workerHeapPeakDuringDeltaMB: round(delta.peak / MB, 0),
      parseWholeMs: round(whole.ms, 0),
      parseWholeHeapMB: round(whole.heap / MB, 0),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Licensed domains (5 to a licence) and ICP filings beside them (one filed domain each). */
export interface RegistrySize {
  domains: number;
  filings: number;
}

export async function registryScale(sizes: RegistrySize[]) {
  const dir = mkdtempSync(join(tmpdir(), 'licence-bench-'));
  const { build, key } = await benchBuild(dir);
  const bundle = await lookupBundle();
  const rows = [];
  for (const { domains, filings } of sizes) {
    const t0 = performance.now();
    const registry = { ...syntheticRegistry(domains, 5, filings), version: 2 };
    const text = JSON.stringify(registry);
    // Compressed, as publishers serve it.
    rows.push(await measure(registry, text, performance.now() - t0, build, key, bundle, new Uint8Array(gzipSync(text))));
  }
  return rows;
}

/** A registry file made elsewhere (its version must be 2), measured the same way. */
export async function registryFileScale(text: string, served?: Uint8Array<ArrayBuffer>) {
  const dir = mkdtempSync(join(tmpdir(), 'licence-bench-'));
  const { build, key } = await benchBuild(dir);
  const registry = RegistrySchema.parse(JSON.parse(text));
  if (registry.version !== 2) throw new Error(`the registry's version is ${registry.version}; the bench installs version 2`);
  return measure(registry, text, 0, build, key, await lookupBundle(), served);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map((arg) => {
    const [domains, filings = '0'] = arg.split(':');
    return { domains: Number(domains), filings: Number(filings) };
  });
  const rows = await registryScale(sizes.length > 0 ? sizes : [{ domains: 100_000, filings: 1_000_000 }]);
  const file = join(ROOT, 'bench-results.json');
  const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const kept = (results.registry ?? []).filter(
    (r: RegistrySize) => !rows.some((n) => n.domains === r.domains && n.filings === (r.filings ?? 0)),
  );
  writeFileSync(file, `${JSON.stringify({ ...results, registry: [...kept, ...rows] }, null, 2)}\n`);
  console.table(rows);
}
