import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { syntheticFiling, syntheticRegistry } from '../../bench/synthetic-registry';
import { lookupIn, runLookup } from '../../core/lookup/run-lookup';
import { classifyQuery } from '../../core/lookup/classify-query';
import { bucketRegistry } from '../../core/registry/registry-buckets';
import { NAME_RESULT_LIMIT, RegistryIndex } from '../../core/registry/registry-index';
import type { RegistrySource } from '../../core/registry/registry-source';
import { RegistrySchema, type Registry } from '../../core/registry/schema';
import { computeVerdict, verdictFrom } from '../../core/verdict/verdict';
import { registryStoreOpener } from '../../storage/registry-store';
import { writeToStore } from './write-to-store';

const bundled = RegistrySchema.parse(JSON.parse(readFileSync(new URL('../../data/registry.json', import.meta.url), 'utf8')));
// The real licences (history, several per domain, one without domains) among 600 synthetic ones.
// 200 synthetic filings beside them, one filing of one of the real domains.
const synthetic = syntheticRegistry(3_000, 5, 200);
const registry: Registry = {
  ...bundled,
  licences: [...bundled.licences, ...synthetic.licences],
  filings: [...(synthetic.filings ?? []), { ...syntheticFiling(999), sites: [{ number: 'x-1', name: '懂车帝', domain: 'dongchedi.com' }] }],
};
const memory = new RegistryIndex(registry);
let stored: RegistrySource;

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  const openStore = registryStoreOpener();
  stored = (await openStore()).source(await writeToStore(openStore, registry, 3));
});

const TODAY = '2026-06-01';

describe('the indexed store answers as the registry held whole', () => {
  it('gives the same verdict for filed hosts and for claimed filing numbers, reading only the filings asked for', async () => {
    const filings = registry.filings ?? [];
    expect(bucketRegistry(registry).layout.filingBuckets).toBe(8);
    for (const [host, claimed] of [
      ['filed7.cn', []],
      ['m.filed42.cn', []],
      ['dongchedi.com', []],
      ['fraud.example.com', [filings[3].number]],
      ['fraud.example.com', ['京ICP备2099999999']],
      ['filed9.cn', [filings[10].number]],
    ] as [string, string[]][]) {
      const input = { host, claimedLicenceNumbers: [], claimedFilingNumbers: claimed, today: TODAY };
      expect(await verdictFrom(stored, input)).toEqual(computeVerdict({ ...input, index: memory }));
    }
    const selection = await stored.select({ numbers: [], filings: [filings[3].number], domains: ['filed5.cn'], serials: [], name: null });
    expect(selection.registry.filings?.map((f) => f.number).sort()).toEqual([filings[3].number, filings[5].number].sort());
  });

  it('reads a store written before filings (no filing buckets in its layout) as it did', async () => {
    const openStore = registryStoreOpener();
    const { filings: _, ...before } = registry;
    const installed = await writeToStore(openStore, before, 4);
    const { filingBuckets, ...layout } = installed.layout;
    expect(filingBuckets).toBeUndefined();
    const old = (await openStore()).source({ ...installed, layout });
    const input = {
      host: 'fraud.example.com',
      claimedLicenceNumbers: [],
      claimedFilingNumbers: [registry.filings?.[3].number ?? ''],
      today: TODAY,
    };
    expect((await verdictFrom(old, input)).verdict).toBe('unlisted');
    expect((await verdictFrom(old, { ...input, host: 'maichetong.com.cn' })).verdict).toBe('listed');
  });

  it('cuts the registry into buckets of at most 8 licences and 64 domains', () => {
    const { layout, domainCount } = bucketRegistry(registry);
    expect(domainCount).toBe(memory.domainCount());
    expect(layout).toMatchObject({ licenceBuckets: 128, domainBuckets: 64, nameChunks: 1 });
  });

  it('gives the same verdict for every listed domain, a subdomain of each, and hosts it lacks', async () => {
    // Every real domain and every fourth synthetic one (fake-indexeddb is slow), each with a subdomain.
    const domains = [...new Set(registry.licences.flatMap((l) => l.sites.map((s) => s.domain)))].filter(
      (d, i) => !d.startsWith('site') || i % 4 === 0,
    );
    const hosts = domains.flatMap((d) => [d, `m.${d}`]);
    hosts.push('absent.cn', 'www.absent.com.cn', 'localhost', '127.0.0.1');
    for (const host of hosts) {
      expect(await verdictFrom(stored, { host, claimedLicenceNumbers: [], today: TODAY }), host).toEqual(
        computeVerdict({ host, claimedLicenceNumbers: [], index: memory, today: TODAY }),
      );
    }
    expect(hosts.length).toBeGreaterThan(1_500);
  });

  it('gives the same verdict for pages showing numbers, borrowed, unknown and unconfirmable', async () => {
    const cases: [string, string[]][] = [
      ['cheap-cars-deal.com', ['渝B2-20210467']],
      ['site7x1.cn', ['渝B2-20210467', registry.licences[10].number]],
      ['dongchedi-mall.cn', ['渝B2-20230001']],
      ['unknown-shop.cn', ['粤B2-20090059']],
      ['site12x0.cn', [registry.licences[16].number]],
    ];
    for (const [host, claimedLicenceNumbers] of cases) {
      const input = { host, claimedLicenceNumbers, today: TODAY };
      expect(await verdictFrom(stored, input), host).toEqual(computeVerdict({ ...input, index: memory }));
    }
  });

  it('finds the same licences by number, serial and name, names capped and ranked alike', async () => {
    const queries = [
      '渝b2 20210467',
      '川Ｂ２－２０２００３６',
      '20210467',
      '20110001',
      '懂车帝',
      '快购',
      '站点12-',
      '合成测试1',
      '科技',
      '不存在的公司',
      '粤B2-20090059',
    ];
    for (const q of queries) {
      const query = classifyQuery(q);
      expect(await lookupIn(stored, query, TODAY), q).toEqual(runLookup(query, memory, TODAY));
    }
    const many = await lookupIn(stored, classifyQuery('科技'), TODAY);
    expect(many.type === 'licences' && many.licences.length).toBe(NAME_RESULT_LIMIT);
  });

  it('answers a repeated verdict from the buckets it read last, without reading the store again', async () => {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const input = { host: 'm.site300x2.cn', claimedLicenceNumbers: ['渝B2-20210467'], today: TODAY };
    const first = await verdictFrom(stored, input);
    const reads = get.mock.calls.length;
    expect(await verdictFrom(stored, input)).toEqual(first);
    expect(reads).toBeGreaterThan(0);
    expect(get.mock.calls.length).toBe(reads);
    get.mockRestore();
  });

  it('loads only the licences a lookup reaches', async () => {
    const selection = await stored.select({ filings: [], numbers: ['渝B2-20210467'], domains: ['site7x1.cn'], serials: [], name: null });
    expect(selection.registry.licences.map((l) => l.number).sort()).toEqual(
      ['渝B2-20210467', registry.licences.find((l) => l.sites.some((s) => s.domain === 'site7x1.cn'))!.number].sort(),
    );
  });
});

describe("the store's connection", () => {
  it('steps aside for a newer version of the database instead of blocking it', async () => {
    await registryStoreOpener()();
    const upgraded = await new Promise<string>((resolve) => {
      const request = indexedDB.open('licence-registry', 3);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('opened');
      };
    });
    expect(upgraded).toBe('opened');
  });

  it('tries again after a failed open', async () => {
    const openStore = registryStoreOpener();
    const working = globalThis.indexedDB;
    const broken = new IDBFactory();
    broken.open = () => {
      throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
    };
    globalThis.indexedDB = broken;
    await expect(openStore()).rejects.toThrow('IndexedDB is disabled');
    globalThis.indexedDB = new IDBFactory();
    await expect(openStore()).resolves.toBeDefined();
    globalThis.indexedDB = working;
  });
});
