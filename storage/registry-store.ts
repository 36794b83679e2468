import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { isFilingNumber, matchNames, nameEntries, RegistryIndex, serialOf } from '../core/registry/registry-index';
import type { RecordChange } from '../core/registry/record-change';
import {
  DuplicateNumberError,
  StoreCorruptedError,
  type InstalledGeneration,
  type RegistryKeys,
  type RegistrySource,
} from '../core/registry/registry-source';
import { FilingSchema, LicenceSchema, type Filing, type Licence } from '../core/registry/schema';

// Every record under its own natural key, prefixed by the generation: a registry is written as it arrives
// (nothing needs the whole of it to decide where a record goes), a delta puts and deletes single records,
// and a new registry is written beside the one in force and switched to with one small write.
interface RegistryDb extends DBSchema {
  /** [generation, serial, number]: one read finds a number, one range read a serial. */
  licence: { key: [number, string, string]; value: Licence };
  /** [generation, number]. */
  filing: { key: [number, string]; value: Filing };
  /** [generation, domain, number of a licence or filing that lists it]; the key is all there is. */
  domain: { key: [number, string, string]; value: 0 };
  /**
   * [generation, licence number] → the licence's holder and site names folded for search, and its place in
   * the registry: name matches are ranked in the registry's order.
   */
  name: { key: [number, string]; value: { order: number; names: [key: string, holder: 0 | 1][] } };
  /** generation → what it holds, written with its last records: a record of the generation that disagrees is stale. */
  meta: { key: number; value: GenerationMeta & { nextOrder: number } };
  /** Files the options page hands to the worker for import: too large for a message (Chrome caps them at 64 MiB). */
  imports: { key: string; value: ArrayBuffer };
}

export interface GenerationMeta {
  version: number;
  contentHash: string;
}

type RecordStore = 'licence' | 'filing' | 'domain' | 'name';
const RECORD_STORES: RecordStore[] = ['licence', 'filing', 'domain', 'name'];
const DB_NAME = 'licence-registry';
/** Version 4 keys records naturally; the hash buckets of versions 1–3 are dropped with their registry. */
const DB_VERSION = 4;
/**
 * Entries kept in memory per registry, most recently used last: one page load asks for the same few keys
 * several times (navigation, findings, load complete).
 */
const CACHED_READS = 256;

export interface GenerationWriter {
  /** Adds records (in one transaction); a number already present fails it with DuplicateNumberError. */
  add(licences: readonly Licence[], filings: readonly Filing[]): Promise<void>;
  /** Writes what the generation holds: done last, after its records. */
  finish(meta: GenerationMeta): Promise<void>;
}

export interface RegistryStore {
  /** Writes a registry under `generation` as it arrives; nothing reads it until that generation is made the active one. */
  writer(generation: number): GenerationWriter;
  /** Deletes every generation but `generation` (all of them for null): superseded or half-written ones. */
  keepOnly(generation: number | null): Promise<void>;
  source(installed: InstalledGeneration): RegistrySource;
  meta(generation: number): Promise<GenerationMeta | undefined>;
  /** The records under these numbers as stored (absent ones left out), and the numbers listing each domain. */
  current(
    generation: number,
    wanted: { licences: readonly string[]; filings: readonly string[]; domains: readonly string[] },
  ): Promise<{ licences: Map<string, Licence>; filings: Map<string, Filing>; listers: Map<string, string[]> }>;
  /** Replaces and removes records of `generation` in one transaction: all of the change is made, or none. */
  change(generation: number, change: RecordChange, meta: GenerationMeta): Promise<void>;
  /** Keeps a file's bytes for the worker to import; returns the name to send it. */
  stageImport(bytes: ArrayBuffer): Promise<string>;
  /** The staged bytes, removed as they are taken (null when there are none under that name). */
  takeImport(id: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

/**
 * Opens the extension's registry store in IndexedDB (shared by the worker and the extension's pages), once
 * per opener: each entrypoint makes one opener and hands it to what needs the store.
 */
export function registryStoreOpener(): () => Promise<RegistryStore> {
  let opened: Promise<IDBPDatabase<RegistryDb>> | undefined;
  return () => {
    if (!opened) {
      // Inside an async function so that an IndexedDB that throws at once still gives a rejected promise.
      const opening = (async () =>
        openDB<RegistryDb>(DB_NAME, DB_VERSION, {
          upgrade(db) {
            const untyped = db as unknown as IDBDatabase;
            for (const old of ['licences', 'domains', 'names', 'filings']) {
              if (untyped.objectStoreNames.contains(old)) untyped.deleteObjectStore(old);
            }
            for (const name of [...RECORD_STORES, 'meta' as const, 'imports' as const]) {
              if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
            }
          },
          // A newer version of the extension wants to change the database: this connection steps aside, and
          // the next call opens it afresh. The same when the browser closes it unexpectedly.
          blocking: () => {
            void opening.then((db) => db.close());
            if (opened === opening) opened = undefined;
          },
          terminated: () => {
            if (opened === opening) opened = undefined;
          },
        }))();
      opened = opening;
      // A failed open (IndexedDB disabled, say) is not kept: a later call tries again.
      opening.catch(() => {
        if (opened === opening) opened = undefined;
      });
    }
    return opened.then(storeOver);
  };
}

type WriteTx = IDBPTransaction<RegistryDb, RecordStore[], 'readwrite'>;

const licenceKey = (generation: number, number: string): [number, string, string] => [generation, serialOf(number), number];
const domainsOf = (entry: Licence | Filing) => new Set(entry.sites.map((s) => s.domain));
const namesOf = (licence: Licence): [string, 0 | 1][] => nameEntries(licence).map((e) => [e.key, e.holder ? 1 : 0]);

/** Issues the writes of a licence and what finds it into `writes`; `add` refuses a number already there. */
function putLicence(tx: WriteTx, generation: number, licence: Licence, order: number, add: boolean, writes: Promise<unknown>[]): void {
  const store = tx.objectStore('licence');
  const key = licenceKey(generation, licence.number);
  writes.push(
    (add ? store.add(licence, key) : store.put(licence, key)).catch((error: unknown) => {
      throw isConstraint(error) ? new DuplicateNumberError('licence', licence.number) : error;
    }),
  );
  writes.push(tx.objectStore('name').put({ order, names: namesOf(licence) }, [generation, licence.number]));
  for (const domain of domainsOf(licence)) writes.push(tx.objectStore('domain').put(0, [generation, domain, licence.number]));
}

function putFiling(tx: WriteTx, generation: number, filing: Filing, add: boolean, writes: Promise<unknown>[]): void {
  const store = tx.objectStore('filing');
  const key: [number, string] = [generation, filing.number];
  writes.push(
    (add ? store.add(filing, key) : store.put(filing, key)).catch((error: unknown) => {
      throw isConstraint(error) ? new DuplicateNumberError('filing', filing.number) : error;
    }),
  );
  for (const domain of domainsOf(filing)) writes.push(tx.objectStore('domain').put(0, [generation, domain, filing.number]));
}

function isConstraint(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'ConstraintError';
}

/**
 * Issues a transaction's writes and waits for all of them and the transaction; the first failure (a write
 * that throws at once, such as a value that cannot be stored, or one that fails later) aborts it whole.
 */
async function writeAll(tx: WriteTx, issue: (writes: Promise<unknown>[]) => void): Promise<void> {
  const done = tx.done.catch(() => undefined);
  const writes: Promise<unknown>[] = [];
  try {
    issue(writes);
    await Promise.all(writes);
  } catch (error) {
    // The writes issued before the failure are aborted with the transaction: their failures say nothing new.
    for (const write of writes) write.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished: nothing more to undo.
    }
    await done;
    throw error;
  }
  await tx.done;
}

function storeOver(db: IDBPDatabase<RegistryDb>): RegistryStore {
  const range = (generation: number) => IDBKeyRange.bound([generation], [generation, []]);

  return {
    writer(generation) {
      let order = 0;
      return {
        async add(licences, filings) {
          const tx = db.transaction(RECORD_STORES, 'readwrite');
          await writeAll(tx, (writes) => {
            for (const licence of licences) putLicence(tx, generation, licence, order++, true, writes);
            for (const filing of filings) putFiling(tx, generation, filing, true, writes);
          });
        },
        finish: (meta) => db.put('meta', { ...meta, nextOrder: order }, generation).then(() => undefined),
      };
    },

    async keepOnly(generation) {
      const tx = db.transaction([...RECORD_STORES, 'meta'], 'readwrite');
      for (const name of RECORD_STORES) {
        const store = tx.objectStore(name);
        if (generation === null) {
          void store.clear();
        } else {
          // [g] sorts before every [g, …] and after every [g - 1, …]: these two ranges are all other generations.
          void store.delete(IDBKeyRange.upperBound([generation], true));
          void store.delete(IDBKeyRange.lowerBound([generation + 1]));
        }
      }
      const meta = tx.objectStore('meta');
      if (generation === null) void meta.clear();
      else {
        void meta.delete(IDBKeyRange.upperBound(generation, true));
        void meta.delete(IDBKeyRange.lowerBound(generation, true));
      }
      await tx.done;
    },

    source: generationSource,

    async meta(generation) {
      const meta = await db.get('meta', generation);
      return meta && { version: meta.version, contentHash: meta.contentHash };
    },

    async current(generation, wanted) {
      const tx = db.transaction(['licence', 'filing', 'domain'], 'readonly');
      const [licences, filings, listers] = await Promise.all([
        Promise.all(wanted.licences.map((n) => tx.objectStore('licence').get(licenceKey(generation, n)))),
        Promise.all(wanted.filings.map((n) => tx.objectStore('filing').get([generation, n]))),
        Promise.all(wanted.domains.map((d) => tx.objectStore('domain').getAllKeys(domainRange(generation, d)))),
      ]);
      return {
        licences: new Map(licences.flatMap((l) => (l ? [[l.number, l] as const] : []))),
        filings: new Map(filings.flatMap((f) => (f ? [[f.number, f] as const] : []))),
        listers: new Map(wanted.domains.map((d, i) => [d, listers[i].map((k) => k[2])])),
      };
    },

    async change(generation, { removed, added }, meta) {
      const tx = db.transaction([...RECORD_STORES, 'meta'], 'readwrite');
      // A changed licence keeps its place in the ranking of names; a new one goes last.
      const [stored, ...places] = await Promise.all([
        tx.objectStore('meta').get(generation),
        ...added.licences.map((l) => tx.objectStore('name').get([generation, l.number])),
      ]);
      let nextOrder = stored?.nextOrder ?? 0;
      const records = tx as unknown as WriteTx;
      await writeAll(records, (writes) => {
        for (const licence of removed.licences) {
          writes.push(tx.objectStore('licence').delete(licenceKey(generation, licence.number)));
          writes.push(tx.objectStore('name').delete([generation, licence.number]));
          for (const domain of domainsOf(licence)) writes.push(tx.objectStore('domain').delete([generation, domain, licence.number]));
        }
        for (const filing of removed.filings) {
          writes.push(tx.objectStore('filing').delete([generation, filing.number]));
          for (const domain of domainsOf(filing)) writes.push(tx.objectStore('domain').delete([generation, domain, filing.number]));
        }
        // After the deletes, in the same transaction: a changed record is removed in its old form, then put.
        added.licences.forEach((licence, i) => putLicence(records, generation, licence, places[i]?.order ?? nextOrder++, false, writes));
        for (const filing of added.filings) putFiling(records, generation, filing, false, writes);
        writes.push(tx.objectStore('meta').put({ ...meta, nextOrder }, generation));
      });
    },

    async stageImport(bytes) {
      const id = crypto.randomUUID();
      await db.put('imports', bytes, id);
      return id;
    },

    async takeImport(id) {
      const tx = db.transaction('imports', 'readwrite');
      const bytes = await tx.store.get(id);
      // Whatever else is staged was left by a page that closed before its import was sent.
      await tx.store.clear();
      await tx.done;
      return bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : null;
    },
  };

  function domainRange(generation: number, domain: string) {
    return IDBKeyRange.bound([generation, domain], [generation, domain, []]);
  }

  function generationSource({ generation, info }: InstalledGeneration): RegistrySource {
    let names: Promise<{ key: string; holder: boolean; number: string }[]> | undefined;
    type ReadTx = IDBPTransaction<RegistryDb, ('licence' | 'filing' | 'domain')[], 'readonly'>;
    const recent = new Map<string, unknown>();
    async function cached<T>(key: string, read: () => Promise<T>): Promise<T> {
      const hit = recent.get(key);
      recent.delete(key);
      const value = hit === undefined ? await read() : (hit as T);
      recent.set(key, value);
      if (recent.size > CACHED_READS) recent.delete(recent.keys().next().value as string);
      return value;
    }

    // Read once per page that searches names; the worker never does.
    const allNames = () =>
      (names ??= Promise.all([db.getAllKeys('name', range(generation)), db.getAll('name', range(generation))]).then(([keys, rows]) => {
        const entries = rows.map((row, i) => {
          if (typeof row?.order !== 'number' || !Array.isArray(row.names))
            throw new StoreCorruptedError(`the names of ${keys[i][1]} are malformed`);
          return { number: keys[i][1], ...row };
        });
        return entries
          .sort((a, b) => a.order - b.order)
          .flatMap(({ number, names }) => names.map(([key, holder]) => ({ key: String(key), number, holder: holder === 1 })));
      }));

    const domainNumbers = (tx: ReadTx, domain: string) =>
      cached(`d ${domain}`, async () => (await tx.objectStore('domain').getAllKeys(domainRange(generation, domain))).map((k) => k[2]));

    /** The licences with `serial`, or the one licence `number`; a number something lists must be there. */
    const licencesOf = (tx: ReadTx, serial: string, number: string | null, listedBy: string | null) =>
      cached(`l ${serial} ${number ?? '*'}`, async () => {
        const store = tx.objectStore('licence');
        const raw: unknown[] =
          number === null
            ? await store.getAll(IDBKeyRange.bound([generation, serial], [generation, serial, []]))
            : [await store.get([generation, serial, number])];
        if (number !== null && raw[0] === undefined) {
          if (listedBy) throw new StoreCorruptedError(`the licence ${number} that ${listedBy} names is missing`);
          return [];
        }
        return raw.map((entry) => {
          const licence = LicenceSchema.safeParse(entry);
          if (!licence.success) throw new StoreCorruptedError(`its licence ${number ?? serial} no longer matches the schema`);
          return licence.data;
        });
      });

    const filingOf = (tx: ReadTx, number: string, listedBy: string | null) =>
      cached(`f ${number}`, async () => {
        const raw = await tx.objectStore('filing').get([generation, number]);
        if (raw === undefined) {
          if (listedBy) throw new StoreCorruptedError(`the filing ${number} that ${listedBy} names is missing`);
          return [];
        }
        const filing = FilingSchema.safeParse(raw);
        if (!filing.success) throw new StoreCorruptedError(`its filing ${number} no longer matches the schema`);
        return [filing.data];
      });

    return {
      info,
      async select(keys: RegistryKeys): Promise<RegistryIndex> {
        const named = keys.name === null ? [] : matchNames(await allNames(), keys.name);
        // One transaction, its reads in parallel: each transaction costs a round trip to the browser.
        const tx = db.transaction(['licence', 'filing', 'domain'], 'readonly');
        const listed = await Promise.all(keys.domains.map(async (domain) => ({ domain, numbers: await domainNumbers(tx, domain) })));
        const lister = new Map<string, string>();
        for (const { domain, numbers } of listed) for (const n of numbers) lister.set(n, domain);
        const numbers = [...new Set([...keys.numbers, ...named, ...lister.keys()])];
        const [licences, filings, bySerial] = await Promise.all([
          Promise.all(numbers.filter((n) => !isFilingNumber(n)).map((n) => licencesOf(tx, serialOf(n), n, lister.get(n) ?? null))),
          Promise.all(
            [...new Set([...keys.filings, ...numbers.filter(isFilingNumber)])].map((n) => filingOf(tx, n, lister.get(n) ?? null)),
          ),
          Promise.all(keys.serials.map((s) => licencesOf(tx, s, null, null))),
        ]);
        const found = new Map<string, Licence>();
        // Name matches first and in their order, so a search over this selection ranks as over the whole.
        for (const licence of [...licences.flat(), ...bySerial.flat()]) if (!found.has(licence.number)) found.set(licence.number, licence);
        const ordered = [...named.filter((n) => found.has(n)), ...found.keys()];
        return new RegistryIndex({
          schemaVersion: 1,
          version: info.version,
          generatedAt: info.generatedAt,
          licences: [...new Set(ordered)].map((n) => found.get(n) as Licence),
          filings: filings.flat(),
        });
      },
    };
  }
}
