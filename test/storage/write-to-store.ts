import { bucketRegistry } from '../../core/registry/registry-buckets';
import { RegistryIndex } from '../../core/registry/registry-index';
import { infoOf } from '../../core/registry/registry-source';
import type { Registry } from '../../core/registry/schema';
import { openRegistryStore, type InstalledGeneration } from '../../storage/registry-store';

/** Writes `registry` to the registry store under `generation`, as an accepted update is (needs an IndexedDB). */
export async function writeToStore(registry: Registry, generation: number): Promise<InstalledGeneration> {
  const bucketed = bucketRegistry(registry);
  await (await openRegistryStore()).write(generation, bucketed);
  return { generation, layout: bucketed.layout, info: infoOf(new RegistryIndex(registry)) };
}
