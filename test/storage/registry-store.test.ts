import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { syntheticFiling, syntheticRegistry } from '../../bench/synthetic-registry';
import { lookupIn, runLookup } from '../../core/lookup/run-lookup';
import { classifyQuery } from '../../core/lookup/classify-query';
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

  it('reads a registry written without filings as it did', async () => {
    const openStore = registryStoreOpener();
    const { filings: _, ...before } = registry;
    const old = (await openStore()).source(await writeToStore(openStore, before, 4));
    const input = {
      host: 'fraud.example.com',
      claimedLicenceNumbers: [],
      claimedFilingNumbers: [registry.filings?.[3].number ?? ''],
      today: TODAY,
    };
    expect((await verdictFrom(old, input)).verdict).toBe('unlisted');
    expect((await verdictFrom(old, { ...input, host: 'maichetong.com.cn' })).verdict).toBe('listed');
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
      // The digits of a filing number, whatever its region.
      (registry.filings ?? [])[3].number.replace(/^\D+/, ''),
    ];
    for (const q of queries) {
      const query = classifyQuery(q);
      expect(await lookupIn(stored, query, TODAY), q).toEqual(runLookup(query, memory, TODAY));
    }
    const filing = (registry.filings ?? [])[3];
    expect(await lookupIn(stored, classifyQuery(filing.number.replace(/^\D+/, '')), TODAY)).toMatchObject({ filings: [filing] });
    const many = await lookupIn(stored, classifyQuery('科技'), TODAY);
    expect(many.type === 'licences' && many.licences.length).toBe(NAME_RESULT_LIMIT);
  });

  it('answers a repeated verdict from the records it read last, without reading the store again', async () => {
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const input = { host: 'm.site300x2.cn', claimedLicenceNumbers: ['渝B2-20210467'], today: TODAY };
    const first = await verdictFrom(stored, input);
    const reads = getAll.mock.calls.length;
    expect(await verdictFrom(stored, input)).toEqual(first);
    expect(reads).toBeGreaterThan(0);
    expect(getAll.mock.calls.length).toBe(reads);
    getAll.mockRestore();
  });

  it('loads only the licences a lookup reaches', async () => {
    const selection = await stored.select({ filings: [], numbers: ['渝B2-20210467'], domains: ['site7x1.cn'], serials: [], name: null });
    expect(selection.registry.licences.map((l) => l.number).sort()).toEqual(
      ['渝B2-20210467', registry.licences.find((l) => l.sites.some((s) => s.domain === 'site7x1.cn'))!.number].sort(),
    );
  });
});

describe('writing and changing a stored registry', () => {
  const small: Registry = { ...bundled, licences: bundled.licences.slice(0, 3), filings: [syntheticFiling(1), syntheticFiling(2)] };
  const [a, b, c] = small.licences;

  it('refuses a number written twice, whether it is still waiting in a chunk or already written, naming it', async () => {
    const store = await registryStoreOpener()();
    const waiting = store.writer(20);
    await waiting.add([a], []);
    await expect(waiting.add([b, a], [])).rejects.toThrow(`licence ${a.number} appears more than once`);
    await expect(store.writer(21).add([], [syntheticFiling(1), syntheticFiling(1)])).rejects.toThrow(/^filing .* appears more than once$/);

    // Enough licences to fill written chunks, then one of them again in a later batch: the store's index refuses it.
    const many = synthetic.licences.slice(0, 20);
    const written = store.writer(22);
    await written.add(many, []);
    await written.written();
    await written.add([many[3], ...synthetic.licences.slice(30, 34)], []);
    await expect(written.written()).rejects.toThrow(`licence ${many[3].number} appears more than once`);
    await expect(written.finish({ version: 1, contentHash: 'f'.repeat(64) })).rejects.toThrow(
      `licence ${many[3].number} appears more than once`,
    );
    const found = await store.current(22, { licences: [many[3].number, synthetic.licences[30].number], filings: [] });
    expect([...found.licences.keys()]).toEqual([many[3].number]);
  });

  it('makes all of a change or, when any of it fails, none of it', async () => {
    const openStore = registryStoreOpener();
    const installed = await writeToStore(openStore, small, 21);
    const store = await openStore();
    const changedB = { ...b, holder: '改名后的公司' };
    const broken = { ...c, holder: (() => 'not storable') as unknown as string };
    const wanted = { licences: [a.number, b.number, c.number], filings: [] };
    const before = await store.current(21, wanted);
    await expect(
      store.change(
        21,
        { removed: { licences: [a, b], filings: [] }, added: { licences: [changedB, broken], filings: [] } },
        { version: 9, contentHash: 'f'.repeat(64) },
      ),
    ).rejects.toThrow();
    expect(await store.current(21, wanted)).toEqual(before);
    expect(await store.check(21)).toEqual({ meta: { version: small.version, contentHash: installed.contentHash } });

    // a goes, and with it the only listing of its domain; b keeps its domain under its new holder.
    const domains = [a.sites[0].domain, b.sites[0].domain];
    expect(await store.listers(21, domains)).toEqual(
      new Map([
        [domains[0], [a.number]],
        [domains[1], [b.number]],
      ]),
    );
    await store.change(
      21,
      { removed: { licences: [a, b], filings: [] }, added: { licences: [changedB], filings: [] } },
      { version: 9, contentHash: 'f'.repeat(64) },
    );
    expect(await store.listers(21, domains)).toEqual(
      new Map([
        [domains[0], []],
        [domains[1], [b.number]],
      ]),
    );
    const after = await store.current(21, wanted);
    expect([...after.licences.values()]).toEqual([changedB, c]);
    expect(await store.check(21)).toEqual({ meta: { version: 9, contentHash: 'f'.repeat(64) } });
    const source = store.source({ generation: 21, info: installed.info });
    expect((await lookupIn(source, classifyQuery('改名后'), TODAY)).type === 'licences').toBe(true);
    expect(await lookupIn(source, classifyQuery(a.holder), TODAY)).toMatchObject({ type: 'licences', licences: [] });
  });
});

describe("the store's connection", () => {
  it('steps aside for a newer version of the database instead of blocking it', async () => {
    await registryStoreOpener()();
    const upgraded = await new Promise<string>((resolve) => {
      const request = indexedDB.open('licence-registry', 5);
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
