import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { matchNames, nameEntries, RegistryIndex, serialOf } from '../core/registry/registry-index';
import type { RecordKind } from '../core/registry/content-hash';
import type { RecordChange } from '../core/registry/record-change';
import {
  DuplicateNumberError,
  StoreCorruptedError,
  type InstalledGeneration,
  type RegistryKeys,
  type RegistrySource,
} from '../core/registry/registry-source';
import { FilingSchema, LicenceSchema, type Filing, type Licence } from '../core/registry/schema';
import { latestNames, latestRecords, type NameRow, type Versioned } from './latest-in-chunks';

// A registry is stored in chunks of records in the order they arrive, keyed [generation, seq], and found
// through the store's own indexes (on `${generation} ${domain | number | serial}`), which the browser keeps
// up to date inside each write. Nothing needs the whole registry to decide where a record goes, so it is
// written as it is read; a chunk holds a few records, so a national registry is some forty thousand writes,
// not millions. A delta appends chunks and rewrites none (storage/latest-in-chunks.ts says how they are
// read): rewriting the chunks around a day's changes re-indexed every key in them, some seconds at national scale.
type Key = [number, number];

interface ChunkBase {
  /** Its own seq (the key's second part): the later of two chunks naming a number says what it is now. */
  seq: number;
  /** Numbers a delta removed: their older forms no longer count. */
  retired?: string[];
}

interface LicenceChunk extends ChunkBase {
  licences: Licence[];
  domainKeys: string[];
  numberKeys: string[];
  serialKeys: string[];
}

interface FilingChunk extends ChunkBase {
  filings: Filing[];
  domainKeys: string[];
  numberKeys: string[];
  serialKeys: string[];
}

interface NameChunk extends ChunkBase {
  rows: NameRow[];
}

export interface GenerationMeta {
  version: number;
  contentHash: string;
}

/** What a generation holds besides its records: written after them, so a generation without it is unfinished. */
interface StoredMeta extends GenerationMeta {
  /** Chunks per store: a count that disagrees at start means records have gone. */
  chunks: Record<ChunkStore, number>;
  /** The seq the next chunk appended to each store takes. */
  next: Record<ChunkStore, number>;
}

interface RegistryDb extends DBSchema {
  'licence-chunks': { key: Key; value: LicenceChunk; indexes: { domain: string; number: string; serial: string } };
  'filing-chunks': { key: Key; value: FilingChunk; indexes: { domain: string; number: string; serial: string } };
  /** Read whole for a name search, in seq order: the registry's order, in which name matches are ranked. */
  'name-chunks': { key: Key; value: NameChunk };
  meta: { key: number; value: StoredMeta };
  /** Files the options page hands to the worker for import: too large for a message (Chrome caps them at 64 MiB). */
  imports: { key: string; value: ArrayBuffer };
}

type ChunkStore = 'licence-chunks' | 'filing-chunks' | 'name-chunks';
const CHUNK_STORES: ChunkStore[] = ['licence-chunks', 'filing-chunks', 'name-chunks'];
const DB_NAME = 'licence-registry';
/**
 * Version 5 appends a delta's chunks (a number is unique among the installed ones only); version 4 rewrote
 * them; versions 1–3 kept hash buckets. Older stores are dropped with their registry.
 */
const DB_VERSION = 5;
// Reading a chunk costs about its size: a licence with its sites is some 1 KB, a filing some 200 bytes.
const LICENCES_PER_CHUNK = 8;
const FILINGS_PER_CHUNK = 32;
const NAMES_PER_CHUNK = 256;
/** Index reads in flight at once while a delta is planned: each answer is a chunk or a few, held until the round ends. */
const READ_ROUND = 500;
/** Chunks kept in memory per registry, most recently used last: a page load asks for the same few several times. */
const CACHED_READS = 256;

export interface GenerationWriter {
  /**
   * Adds records: once what was added before is written (whose failure it throws), their full chunks start
   * being written in one transaction while the caller reads on. A number already present fails the writing
   * with DuplicateNumberError.
   */
  add(licences: readonly Licence[], filings: readonly Filing[]): Promise<void>;
  /** Resolves once every record added is written, or rejects with what failed. */
  written(): Promise<void>;
  /** Writes the last, partly filled chunks and what the generation holds: done last. */
  finish(meta: GenerationMeta): Promise<void>;
}

export interface RegistryStore {
  /** Writes a registry under `generation` as it arrives; nothing reads it until that generation is made the active one. */
  writer(generation: number): GenerationWriter;
  /** Deletes every generation but `generation` (all of them for null): superseded or half-written ones. */
  keepOnly(generation: number | null): Promise<void>;
  source(installed: InstalledGeneration): RegistrySource;
  /** What the generation says it holds, or why it no longer holds it (records gone, or never finished). */
  check(generation: number): Promise<{ meta: GenerationMeta } | { problem: string }>;
  /** The records under these numbers as they are now (absent ones left out). */
  current(
    generation: number,
    wanted: { licences: readonly string[]; filings: readonly string[] },
  ): Promise<{ licences: Map<string, Licence>; filings: Map<string, Filing> }>;
  /** The numbers of the licences listing each of `domains` now. */
  listers(generation: number, domains: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * Replaces and removes records of `generation` in one transaction (all of the change is made, or none);
   * `change.removed` holds the records as they are now, changed ones included.
   */
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
            for (const name of [...untyped.objectStoreNames]) if (name !== 'imports') untyped.deleteObjectStore(name);
            if (!db.objectStoreNames.contains('imports')) db.createObjectStore('imports');
            db.createObjectStore('meta');
            const licences = db.createObjectStore('licence-chunks');
            licences.createIndex('domain', 'domainKeys', { multiEntry: true });
            licences.createIndex('number', 'numberKeys', { multiEntry: true, unique: true });
            licences.createIndex('serial', 'serialKeys', { multiEntry: true });
            const filings = db.createObjectStore('filing-chunks');
            filings.createIndex('domain', 'domainKeys', { multiEntry: true });
            filings.createIndex('number', 'numberKeys', { multiEntry: true, unique: true });
            filings.createIndex('serial', 'serialKeys', { multiEntry: true });
            db.createObjectStore('name-chunks');
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

/** An index key: the generation, then what is looked up (no domain or number holds a space). */
const at = (generation: number, value: string) => `${generation} ${value}`;

/**
 * What a chunk holds, and for a delta's chunk the forms of records it supersedes (whose keys it takes on,
 * so that whatever found them finds it) and the numbers it retires.
 */
interface ChunkContent<R> {
  records: R[];
  superseded: R[];
  retired: string[];
}

const installed = <R>(records: R[]): ChunkContent<R> => ({ records, superseded: [], retired: [] });

/**
 * A number's key: the installed chunk's is unique (the index refuses a repeated number), a delta's chunk
 * adds its seq; a lookup reads the range of both (numberRange).
 */
function numberKeys(generation: number, seq: number, { records, superseded, retired }: ChunkContent<{ number: string }>): string[] {
  if (superseded.length + retired.length === 0) return records.map((r) => at(generation, r.number));
  return [...new Set([...records.map((r) => r.number), ...retired])].map((n) => at(generation, `${n} ${seq}`));
}

const numberRange = (generation: number, number: string) => IDBKeyRange.bound(at(generation, number), at(generation, `${number} \uffff`));

function domainKeys(generation: number, { records, superseded }: ChunkContent<Licence | Filing>): string[] {
  return [...new Set([...records, ...superseded].flatMap((r) => r.sites.map((s) => s.domain)))].map((d) => at(generation, d));
}

const serialKeys = (generation: number, { records, retired }: ChunkContent<{ number: string }>) => [
  ...new Set([...records.map((r) => r.number), ...retired].map((n) => at(generation, serialOf(n)))),
];

function licenceChunk(generation: number, seq: number, content: ChunkContent<Licence>): LicenceChunk {
  return {
    seq,
    licences: content.records,
    ...(content.retired.length > 0 ? { retired: content.retired } : {}),
    domainKeys: domainKeys(generation, content),
    numberKeys: numberKeys(generation, seq, content),
    serialKeys: serialKeys(generation, content),
  };
}

function filingChunk(generation: number, seq: number, content: ChunkContent<Filing>): FilingChunk {
  return {
    seq,
    filings: content.records,
    ...(content.retired.length > 0 ? { retired: content.retired } : {}),
    domainKeys: domainKeys(generation, content),
    numberKeys: numberKeys(generation, seq, content),
    serialKeys: serialKeys(generation, content),
  };
}

/** A delta's records in chunks of `size`: each number once, its new form (if any) beside the form it supersedes (if any). */
function deltaContents<R extends Licence | Filing>(gone: R[], put: R[], size: number): ChunkContent<R>[] {
  const was = new Map(gone.map((r) => [r.number, r]));
  const kept = new Set(put.map((r) => r.number));
  const units = [
    ...put.map((r) => ({ now: r as R | undefined, was: was.get(r.number) })),
    ...gone.filter((r) => !kept.has(r.number)).map((r) => ({ now: undefined, was: r })),
  ];
  return takeChunks(units, size, true).map((unit) => ({
    records: unit.flatMap((u) => (u.now ? [u.now] : [])),
    superseded: unit.flatMap((u) => (u.was ? [u.was] : [])),
    retired: unit.flatMap((u) => (u.now ? [] : [(u.was as R).number])),
  }));
}

const nameRows = (licence: Licence): NameRow[] => nameEntries(licence).map((e) => [e.key, licence.number, e.holder ? 1 : 0]);

type WriteTx = IDBPTransaction<RegistryDb, (ChunkStore | 'meta')[], 'readwrite'>;

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

/** Each kind of record: its chunk store, the field its chunks hold it in, and its schema. */
const RECORD_KINDS = {
  licence: { store: 'licence-chunks', field: 'licences', schema: LicenceSchema },
  filing: { store: 'filing-chunks', field: 'filings', schema: FilingSchema },
} as const satisfies Record<RecordKind, unknown>;
type RecordOf<K extends RecordKind> = K extends 'licence' ? Licence : Filing;

/** A chunk's records of `kind` as stored, as versions (storage/latest-in-chunks.ts). */
const versionsIn = <K extends RecordKind>(kind: K, chunk: LicenceChunk | FilingChunk): Versioned<RecordOf<K>> => ({
  seq: chunk.seq,
  records: (chunk as unknown as Record<string, RecordOf<K>[]>)[RECORD_KINDS[kind].field],
  retired: chunk.retired,
});

/** Adds chunks to a transaction's writes, each at its store's next seq (which it advances). */
function appender(tx: WriteTx, writes: Promise<unknown>[], generation: number, next: Record<ChunkStore, number>) {
  return <S extends ChunkStore>(store: S, chunk: (seq: number) => RegistryDb[S]['value']) => {
    const seq = next[store]++;
    writes.push(tx.objectStore(store).add(chunk(seq), [generation, seq]));
  };
}

const isConstraint = (error: unknown) => error instanceof DOMException && error.name === 'ConstraintError';

/** Cuts `items` into chunks of `size`, keeping a partly filled last one back unless `all`. */
function takeChunks<T>(pending: T[], size: number, all: boolean): T[][] {
  const chunks: T[][] = [];
  while (pending.length >= size || (all && pending.length > 0)) chunks.push(pending.splice(0, size));
  return chunks;
}

function storeOver(db: IDBPDatabase<RegistryDb>): RegistryStore {
  const range = (generation: number) => IDBKeyRange.bound([generation], [generation, Infinity]);

  /** Which of `numbers` the generation already holds: named when a write fails on a repeated number. */
  async function repeated(generation: number, kind: 'licence' | 'filing', numbers: string[]): Promise<string | undefined> {
    const index = db.transaction(kind === 'licence' ? 'licence-chunks' : 'filing-chunks').store.index('number');
    const found = await Promise.all(numbers.map((n) => index.getKey(at(generation, n))));
    return numbers.find((_, i) => found[i] !== undefined);
  }

  return {
    writer(generation) {
      const pending = { licences: [] as Licence[], filings: [] as Filing[], names: [] as NameRow[] };
      const next: Record<ChunkStore, number> = { 'licence-chunks': 0, 'filing-chunks': 0, 'name-chunks': 0 };
      // Numbers waiting in a partly filled chunk: the store's unique index sees a number only once it is written.
      const waiting = { licence: new Set<string>(), filing: new Set<string>() };
      // One transaction in flight while the next batch is parsed and checked: awaiting each one left the
      // worker idle for some 40 % of an install.
      let writing: Promise<void> = Promise.resolve();

      async function flush(all: boolean, meta?: StoredMeta): Promise<void> {
        const chunks = {
          licences: takeChunks(pending.licences, LICENCES_PER_CHUNK, all),
          filings: takeChunks(pending.filings, FILINGS_PER_CHUNK, all),
          names: takeChunks(pending.names, NAMES_PER_CHUNK, all),
        };
        const tx = db.transaction([...CHUNK_STORES, 'meta'], 'readwrite');
        try {
          await writeAll(tx, (writes) => {
            const add = appender(tx, writes, generation, next);
            for (const c of chunks.licences) add('licence-chunks', (seq) => licenceChunk(generation, seq, installed(c)));
            for (const c of chunks.filings) add('filing-chunks', (seq) => filingChunk(generation, seq, installed(c)));
            for (const rows of chunks.names) add('name-chunks', (seq) => ({ seq, rows }));
            if (meta) writes.push(tx.objectStore('meta').put(meta, generation));
          });
        } catch (error) {
          if (!isConstraint(error)) throw error;
          const licence = await repeated(
            generation,
            'licence',
            chunks.licences.flat().map((l) => l.number),
          );
          if (licence) throw new DuplicateNumberError('licence', licence);
          const filing = await repeated(
            generation,
            'filing',
            chunks.filings.flat().map((f) => f.number),
          );
          throw filing ? new DuplicateNumberError('filing', filing) : error;
        }
        for (const c of chunks.licences) for (const l of c) waiting.licence.delete(l.number);
        for (const c of chunks.filings) for (const f of c) waiting.filing.delete(f.number);
      }

      return {
        async add(licences, filings) {
          for (const licence of licences) {
            if (waiting.licence.has(licence.number)) throw new DuplicateNumberError('licence', licence.number);
            waiting.licence.add(licence.number);
            pending.licences.push(licence);
            pending.names.push(...nameRows(licence));
          }
          for (const filing of filings) {
            if (waiting.filing.has(filing.number)) throw new DuplicateNumberError('filing', filing.number);
            waiting.filing.add(filing.number);
            pending.filings.push(filing);
          }
          await writing;
          writing = flush(false);
          // Thrown by the next add, written or finish.
          writing.catch(() => undefined);
        },
        written: () => writing,
        async finish(meta) {
          await writing;
          // The chunks the last flush writes are counted before it takes them.
          const counts = {
            'licence-chunks': next['licence-chunks'] + Math.ceil(pending.licences.length / LICENCES_PER_CHUNK),
            'filing-chunks': next['filing-chunks'] + Math.ceil(pending.filings.length / FILINGS_PER_CHUNK),
            'name-chunks': next['name-chunks'] + Math.ceil(pending.names.length / NAMES_PER_CHUNK),
          };
          await flush(true, { ...meta, chunks: counts, next: counts });
        },
      };
    },

    async keepOnly(generation) {
      const tx = db.transaction([...CHUNK_STORES, 'meta'], 'readwrite');
      for (const name of CHUNK_STORES) {
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

    async check(generation) {
      const tx = db.transaction([...CHUNK_STORES, 'meta']);
      // The first key of each store only: counting a national registry's chunks would hold up the lookups
      // queued behind it for a quarter of a second, and what damage leaves is stores emptied whole.
      const [meta, ...first] = await Promise.all([
        tx.objectStore('meta').get(generation),
        ...CHUNK_STORES.map((name) => tx.objectStore(name).getKey(range(generation))),
      ]);
      if (!meta) return { problem: 'its records were never all written' };
      const gone = CHUNK_STORES.findIndex((name, i) => meta.chunks[name] > 0 && first[i] === undefined);
      if (gone >= 0) {
        const what = CHUNK_STORES[gone].replace(/-chunks$/, 's');
        return { problem: `its ${meta.chunks[CHUNK_STORES[gone]]} chunks of ${what} are gone` };
      }
      return { meta: { version: meta.version, contentHash: meta.contentHash } };
    },

    async current(generation, wanted) {
      const tx = db.transaction(['licence-chunks', 'filing-chunks']);
      const read = async <K extends RecordKind>(kind: K, numbers: readonly string[]) => {
        const index = tx.objectStore(RECORD_KINDS[kind].store).index('number');
        const found = new Map<string, RecordOf<K>>();
        // In rounds: each answer is a whole chunk or a few, and a day's delta asks for thousands.
        for (let i = 0; i < numbers.length; i += READ_ROUND) {
          await Promise.all(
            numbers.slice(i, i + READ_ROUND).map(async (n) => {
              const chunks = await index.getAll(numberRange(generation, n));
              const record = latestRecords(chunks.map((chunk) => versionsIn(kind, chunk))).find((r) => r.number === n);
              if (record) found.set(n, record);
            }),
          );
        }
        return found;
      };
      const [licences, filings] = await Promise.all([read('licence', wanted.licences), read('filing', wanted.filings)]);
      return { licences, filings };
    },

    async listers(generation, domains) {
      const index = db.transaction('licence-chunks').store.index('domain');
      const listing = new Map<string, string[]>();
      for (let i = 0; i < domains.length; i += READ_ROUND) {
        await Promise.all(
          domains.slice(i, i + READ_ROUND).map(async (domain) => {
            const chunks = await index.getAll(at(generation, domain));
            const now = latestRecords(chunks.map((chunk) => versionsIn('licence', chunk))).filter((l) =>
              l.sites.some((s) => s.domain === domain),
            );
            listing.set(
              domain,
              now.map((l) => l.number),
            );
          }),
        );
      }
      return listing;
    },

    async change(generation, { removed, added }, meta) {
      const tx = db.transaction([...CHUNK_STORES, 'meta'], 'readwrite');
      const stored = await tx.objectStore('meta').get(generation);
      if (!stored) throw new StoreCorruptedError('its generation has no record of what it holds');
      const next = { ...stored.next };
      await writeAll(tx, (writes) => {
        const append = appender(tx, writes, generation, next);
        for (const content of deltaContents(removed.licences, added.licences, LICENCES_PER_CHUNK))
          append('licence-chunks', (seq) => licenceChunk(generation, seq, content));
        for (const content of deltaContents(removed.filings, added.filings, FILINGS_PER_CHUNK))
          append('filing-chunks', (seq) => filingChunk(generation, seq, content));
        // Every licence whose names were stored is retired from the names, and its new names follow.
        const names = takeChunks(added.licences.flatMap(nameRows), NAMES_PER_CHUNK, true);
        const retired = removed.licences.map((l) => l.number);
        if (names.length === 0 && retired.length > 0) names.push([]);
        names.forEach((rows, i) => append('name-chunks', (seq) => ({ seq, rows, ...(i === 0 && retired.length > 0 ? { retired } : {}) })));
        const chunks = Object.fromEntries(
          CHUNK_STORES.map((name) => [name, stored.chunks[name] + next[name] - stored.next[name]]),
        ) as StoredMeta['chunks'];
        writes.push(tx.objectStore('meta').put({ ...meta, chunks, next }, generation));
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

  function generationSource({ generation, info }: InstalledGeneration): RegistrySource {
    let names: Promise<{ key: string; holder: boolean; number: string }[]> | undefined;
    type ReadTx = IDBPTransaction<RegistryDb, ('licence-chunks' | 'filing-chunks')[], 'readonly'>;
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
      (names ??= db.getAll('name-chunks', range(generation)).then((chunks) => {
        for (const chunk of chunks) {
          if (!Array.isArray(chunk?.rows) || typeof chunk.seq !== 'number') throw new StoreCorruptedError('a chunk of names is malformed');
          for (const row of chunk.rows) {
            if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') {
              throw new StoreCorruptedError('a name entry is malformed');
            }
          }
        }
        return latestNames(chunks.map((c) => ({ seq: c.seq, records: c.rows, retired: c.retired }))).map(([key, number, holder]) => ({
          key,
          number,
          holder: holder === 1,
        }));
      }));

    function checked<T>(schema: typeof LicenceSchema | typeof FilingSchema, raw: unknown[], what: string): T[] {
      return raw.map((entry) => {
        const parsed = schema.safeParse(entry);
        if (!parsed.success)
          throw new StoreCorruptedError(`its ${what} ${(entry as { number?: string })?.number ?? '?'} no longer matches the schema`);
        return parsed.data as T;
      });
    }

    const keyOf = (index: 'domain' | 'number' | 'serial', value: string) =>
      index === 'number' ? numberRange(generation, value) : at(generation, value);

    /** The records of `kind` as they are now in the chunks an index gives for `value` (a number's are a range). */
    const recordsBy = <K extends RecordKind>(tx: ReadTx, kind: K, index: 'domain' | 'number' | 'serial', value: string) =>
      cached(`${kind} ${index} ${value}`, async () => {
        const { store, field, schema } = RECORD_KINDS[kind];
        const chunks = await tx.objectStore(store).index(index).getAll(keyOf(index, value));
        return latestRecords(
          chunks.map((chunk) => {
            const records = (chunk as unknown as Record<string, unknown> | undefined)?.[field];
            if (!Array.isArray(records) || typeof chunk.seq !== 'number') throw new StoreCorruptedError(`a chunk of ${field} is malformed`);
            return { ...versionsIn(kind, chunk), records: checked<RecordOf<K>>(schema, records, kind) };
          }),
        );
      });

    return {
      info,
      async select(keys: RegistryKeys): Promise<RegistryIndex> {
        const named = keys.name === null ? [] : matchNames(await allNames(), keys.name);
        // One transaction, its reads in parallel: each transaction costs a round trip to the browser.
        const tx = db.transaction(['licence-chunks', 'filing-chunks']);
        const listing = (domain: string) => (entry: Licence | Filing) => entry.sites.some((s) => s.domain === domain);
        const serial = (s: string) => (entry: Licence | Filing) => serialOf(entry.number) === s;
        const [byDomain, filedByDomain, byNumber, bySerial, filedByNumber, filedBySerial] = await Promise.all([
          Promise.all(keys.domains.map(async (d) => (await recordsBy(tx, 'licence', 'domain', d)).filter(listing(d)))),
          Promise.all(keys.domains.map(async (d) => (await recordsBy(tx, 'filing', 'domain', d)).filter(listing(d)))),
          Promise.all(
            [...new Set([...keys.numbers, ...named])].map(async (n) =>
              (await recordsBy(tx, 'licence', 'number', n)).filter((l) => l.number === n),
            ),
          ),
          Promise.all(keys.serials.map(async (s) => (await recordsBy(tx, 'licence', 'serial', s)).filter(serial(s)))),
          Promise.all(keys.filings.map(async (n) => (await recordsBy(tx, 'filing', 'number', n)).filter((f) => f.number === n))),
          Promise.all(keys.serials.map(async (s) => (await recordsBy(tx, 'filing', 'serial', s)).filter(serial(s)))),
        ]);
        const found = new Map<string, Licence>();
        for (const licence of [...byDomain.flat(), ...byNumber.flat(), ...bySerial.flat()]) found.set(licence.number, licence);
        const filings = new Map<string, Filing>();
        for (const filing of [...filedByDomain.flat(), ...filedByNumber.flat(), ...filedBySerial.flat()])
          filings.set(filing.number, filing);
        // Name matches first and in their order, so a search over this selection ranks as over the whole.
        const ordered = [...new Set([...named.filter((n) => found.has(n)), ...found.keys()])];
        return new RegistryIndex({
          schemaVersion: 1,
          version: info.version,
          generatedAt: info.generatedAt,
          licences: ordered.map((n) => found.get(n) as Licence),
          filings: [...filings.values()],
        });
      },
    };
  }
}
