// Every storage key the extension uses, with its default and the schema its stored value must pass.
import * as z from 'zod/mini';
import { FindingSchema } from '../core/messages';
import { StoredRegistrySchema, type StoredRegistry } from '../core/registry/active-registry';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../core/settings';
import { INITIAL_UPDATE_STATUS, UpdateStatusSchema, type UpdateStatus } from '../core/update/update-status';
import type { TabStates } from '../core/tab/tab-state';

const TabStatesSchema = z.record(
  z.string(),
  z.object({ url: z.string(), frames: z.record(z.string(), z.object({ url: z.string(), findings: z.array(FindingSchema) })) }),
);

interface StorageItem<T> {
  area: 'session' | 'local';
  key: string;
  fallback: T;
  schema: z.ZodMiniType<T>;
}

/** Per-tab findings; session storage survives a service-worker restart but not a browser restart. */
export const TAB_STATES: StorageItem<TabStates> = { area: 'session', key: 'tabs', fallback: {}, schema: TabStatesSchema };

/** The reader's choices from the options page; local storage keeps them across browser restarts. */
export const SETTINGS: StorageItem<Settings> = { area: 'local', key: 'settings', fallback: DEFAULT_SETTINGS, schema: SettingsSchema };

/** Which stored registry (from an update or import) is in force; null while the bundled one is. */
export const STORED_REGISTRY: StorageItem<StoredRegistry | null> = {
  area: 'local',
  key: 'installedRegistry',
  fallback: null,
  schema: z.nullable(StoredRegistrySchema),
};

/** What the last update check did, the last refusal, the back-off count and the ETags. */
export const UPDATE_STATUS: StorageItem<UpdateStatus> = {
  area: 'local',
  key: 'updateStatus',
  fallback: INITIAL_UPDATE_STATUS,
  schema: UpdateStatusSchema,
};

type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
export type StorageAreas = Record<StorageItem<unknown>['area'], Area>;

/** Removes what is stored, so the item reads as its default again. */
export async function clearItem<T>(
  areas: StorageAreas & Record<StorageItem<T>['area'], { remove(key: string): Promise<void> }>,
  item: StorageItem<T>,
): Promise<void> {
  await areas[item.area].remove(item.key);
}

/**
 * The stored value, or a fresh copy of the item's default when nothing is stored or what is stored fails
 * its schema (a copy, since callers may change what they get).
 */
export async function readItem<T>(areas: StorageAreas, item: StorageItem<T>): Promise<T> {
  return (await inspectItem(areas, item)).value;
}

/** As readItem, and whether something was stored that failed the schema. */
export async function inspectItem<T>(areas: StorageAreas, item: StorageItem<T>): Promise<{ value: T; invalid: boolean }> {
  const stored = (await areas[item.area].get(item.key))[item.key];
  const parsed = item.schema.safeParse(stored);
  return parsed.success ? { value: parsed.data, invalid: false } : { value: structuredClone(item.fallback), invalid: stored !== undefined };
}

export async function writeItem<T>(areas: StorageAreas, item: StorageItem<T>, value: T): Promise<void> {
  await areas[item.area].set({ [item.key]: value });
}

/** Reads the item, lets `change` modify it in place, writes it back, and returns what was written. */
export async function changeItem<T>(areas: StorageAreas, item: StorageItem<T>, change: (value: T) => void): Promise<T> {
  const value = await readItem(areas, item);
  change(value);
  await writeItem(areas, item, value);
  return value;
}
