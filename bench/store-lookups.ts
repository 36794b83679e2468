// Bundled by the benchmark and run inside an extension page, so that lookups go through the real
// IndexedDB store the worker wrote, with the same code the worker and the popup run.
import { lookupIn } from '../core/lookup/run-lookup';
import { classifyQuery } from '../core/lookup/classify-query';
import { verdictFrom } from '../core/verdict/verdict';
import { registryStoreOpener } from '../storage/registry-store';
import { readItem, STORED_REGISTRY, type StorageAreas } from '../storage/storage-items';

declare const chrome: { storage: StorageAreas };

async function storedSource() {
  const record = await readItem(chrome.storage, STORED_REGISTRY);
  if (!record) throw new Error('no registry is installed');
  return (await registryStoreOpener()()).source(record);
}

/** Milliseconds for each verdict, one host after another, as the worker computes them. */
export async function verdictTimes(hosts: string[]): Promise<number[]> {
  const source = await storedSource();
  const times: number[] = [];
  for (const host of hosts) {
    const t0 = performance.now();
    await verdictFrom(source, { host, claimedLicenceNumbers: [], today: '2026-11-22' });
    times.push(performance.now() - t0);
  }
  return times;
}

/** Milliseconds for name searches in one page: the first loads the names, later ones reuse them. */
export async function nameSearchTimes(queries: string[]): Promise<number[]> {
  const source = await storedSource();
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await lookupIn(source, classifyQuery(q), '2026-11-22');
    times.push(performance.now() - t0);
  }
  return times;
}
