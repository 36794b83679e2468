import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import * as z from 'zod/mini';
import { bucketOf, type BucketedRegistry, type NameRow } from '../core/registry/registry-buckets';
import { isFilingNumber, matchNames, RegistryIndex, serialOf } from '../core/registry/registry-index';
import { StoreCorruptedError, type InstalledGeneration, type RegistryKeys, type RegistrySource } from '../core/registry/registry-source';
import { FilingSchema, LicenceSchema, type Filing, type Licence } from '../core/registry/schema';

// Keys are [generation, bucket]: a new registry is written beside the one in force under a new
// generation, and the switch is one small write of the generation number (STORED_REGISTRY).
type Key = [number, number];

interface RegistryDb extends DBSchema {
  licences: { key: Key; value: Licence[] };
  domains: { key: Key; value: Record<string, string[]> };
  names: { key: Key; value: NameRow[] };
  filings: { key: Key; value: Filing[] };
  /** Files the options page hands to the worker for import: too large for a message (Chrome caps them at 64 MiB). */
  imports: { key: string; value: ArrayBuffer };
}

type StoreName = 'licences' | 'domains' | 'names' | 'filings';
const STORES: StoreName[] = ['licences', 'domains', 'names', 'filings'];
const DB_NAME = 'licence-registry';
/** Records per write transaction: none holds much memory, and there are few enough to be quick. */
const RECORDS_PER_WRITE = 256;
/**
 * Buckets kept in memory per registry, most recently used last: one page load asks for the same few buckets
 * several times (navigation, findings, load complete). At most some 64 × 10 KB, whatever the registry's size.
 */
const CACHED_BUCKETS = 64;

const NumbersSchema = z.array(z.string());

export interface RegistryStore {
  /** Writes a registry under `generation`; nothing reads it until that generation is made the active one. */
  write(generation: number, bucketed: BucketedRegistry): Promise<void>;
  /** Deletes every generation but `generation` (all of them for null): superseded or half-written ones. */
  keepOnly(generation: number | null): Promise<void>;
  source(installed: InstalledGeneration): RegistrySource;
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
        openDB<RegistryDb>(DB_NAME, 3, {
          upgrade(db) {
            for (const name of [...STORES, 'imports' as const]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
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

function storeOver(db: IDBPDatabase<RegistryDb>): RegistryStore {
  async function put(name: StoreName, generation: number, values: unknown[]): Promise<void> {
    for (let start = 0; start < values.length; start += RECORDS_PER_WRITE) {
      const tx = db.transaction(name, 'readwrite');
      const end = Math.min(values.length, start + RECORDS_PER_WRITE);
      for (let i = start; i < end; i++) void tx.store.put(values[i] as never, [generation, i]);
      await tx.done;
    }
  }

  return {
    async write(generation, bucketed) {
      await put('licences', generation, bucketed.licences);
      await put('domains', generation, bucketed.domains);
      await put('names', generation, bucketed.names);
      await put('filings', generation, bucketed.filings);
    },

    async keepOnly(generation) {
      const tx = db.transaction(STORES, 'readwrite');
      for (const name of STORES) {
        const store = tx.objectStore(name);
        if (generation === null) {
          void store.clear();
        } else {
          // [g] sorts before [g, 0] and after every [g - 1, …]: these two ranges are all other generations.
          void store.delete(IDBKeyRange.upperBound([generation], true));
          void store.delete(IDBKeyRange.lowerBound([generation + 1]));
        }
      }
      await tx.done;
    },

    source: (installed) => generationSource(db, installed),

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
}

function generationSource(db: IDBPDatabase<RegistryDb>, { generation, layout, info }: InstalledGeneration): RegistrySource {
  let names: Promise<{ key: string; holder: boolean; number: string }[]> | undefined;

  type BucketStore = 'licences' | 'domains' | 'filings';
  type ReadTx = IDBPTransaction<RegistryDb, BucketStore[], 'readonly'>;
  const recent = new Map<string, unknown>();
  async function bucket<T>(tx: ReadTx, name: BucketStore, index: number): Promise<T> {
    const key = `${name} ${index}`;
    let value = recent.get(key);
    recent.delete(key);
    value ??= await tx.objectStore(name).get([generation, index]);
    if (value === undefined) throw new StoreCorruptedError(`its ${name} bucket ${index} is missing`);
    recent.set(key, value);
    if (recent.size > CACHED_BUCKETS) recent.delete(recent.keys().next().value as string);
    return value as T;
  }

  // Read once per page that searches names; the worker never does.
  const allNames = () =>
    (names ??= db.getAll('names', IDBKeyRange.bound([generation], [generation, Infinity])).then((chunks) => {
      if (chunks.length !== layout.nameChunks)
        throw new StoreCorruptedError(`it has ${chunks.length} of its ${layout.nameChunks} name chunks`);
      return chunks.flat().map((row) => {
        if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string')
          throw new StoreCorruptedError('a name entry is malformed');
        return { key: row[0], number: row[1], holder: row[2] === 1 };
      });
    }));

  async function domainNumbers(tx: ReadTx, domain: string): Promise<string[]> {
    const found = await bucket<Record<string, unknown>>(tx, 'domains', bucketOf(domain, layout.domainBuckets));
    // Only the entry asked for is checked: checking the whole bucket would cost more than reading it.
    const entry = typeof found === 'object' && found !== null && Object.hasOwn(found, domain) ? found[domain] : [];
    const numbers = NumbersSchema.safeParse(entry);
    if (!numbers.success) throw new StoreCorruptedError(`the entry for ${domain} no longer matches its shape`);
    return numbers.data;
  }

  async function licencesIn(tx: ReadTx, index: number): Promise<unknown[]> {
    const licences = await bucket<unknown[]>(tx, 'licences', index);
    if (!Array.isArray(licences)) throw new StoreCorruptedError(`its licences bucket ${index} is not a list`);
    return licences;
  }

  /** The filings asked for, from the buckets their serials reach; none in a store written without filings. */
  async function filingsOf(tx: ReadTx, numbers: Set<string>): Promise<Filing[]> {
    const buckets = layout.filingBuckets ?? 0;
    if (buckets === 0 || numbers.size === 0) return [];
    const indices = new Set([...numbers].map((n) => bucketOf(serialOf(n), buckets)));
    const read = await Promise.all([...indices].map((b) => bucket<unknown[]>(tx, 'filings', b)));
    const found: Filing[] = [];
    for (const [i, raw] of read.entries()) {
      if (!Array.isArray(raw)) throw new StoreCorruptedError(`its filings bucket ${[...indices][i]} is not a list`);
      for (const entry of raw) {
        const number = (entry as { number?: unknown })?.number;
        if (typeof number !== 'string' || !numbers.has(number)) continue;
        const filing = FilingSchema.safeParse(entry);
        if (!filing.success) throw new StoreCorruptedError(`its filing ${number} no longer matches the schema`);
        found.push(filing.data);
      }
    }
    return found;
  }

  return {
    info,
    async select(keys: RegistryKeys): Promise<RegistryIndex> {
      const named = keys.name === null ? [] : matchNames(await allNames(), keys.name);
      // One transaction, its reads in parallel: each transaction costs a round trip to the browser.
      const tx = db.transaction(['licences', 'domains', 'filings'], 'readonly');
      const listed = (await Promise.all(keys.domains.map((domain) => domainNumbers(tx, domain)))).flat();
      const filingNumbers = new Set([...keys.filings, ...listed.filter(isFilingNumber)]);
      const filings = filingsOf(tx, filingNumbers);
      const numbers = [...keys.numbers, ...listed.filter((n) => !isFilingNumber(n)), ...named];
      const wanted = new Set(numbers);
      const serials = new Set([...keys.serials, ...numbers.map(serialOf)]);
      const [buckets, filed] = await Promise.all([
        Promise.all([...new Set([...serials].map((s) => bucketOf(s, layout.licenceBuckets)))].map((b) => licencesIn(tx, b))),
        filings,
      ]);
      const found = new Map<string, Licence>();
      for (const raw of buckets.flat()) {
        const number = (raw as { number?: unknown })?.number;
        if (typeof number !== 'string' || !(wanted.has(number) || keys.serials.some((s) => number.endsWith(`-${s}`)))) continue;
        const licence = LicenceSchema.safeParse(raw);
        if (!licence.success) throw new StoreCorruptedError(`its licence ${number} no longer matches the schema`);
        found.set(number, licence.data);
      }
      // Name matches first and in their order, so a search over this selection ranks as over the whole.
      const ordered = [...new Set([...numbers.filter((n) => found.has(n)), ...found.keys()])].map((n) => found.get(n) as Licence);
      return new RegistryIndex({
        schemaVersion: 1,
        version: info.version,
        generatedAt: info.generatedAt,
        licences: ordered,
        filings: filed,
      });
    },
  };
}
