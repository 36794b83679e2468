import { bucketRegistry } from '../../core/registry/registry-buckets';
import { RegistryIndex } from '../../core/registry/registry-index';
import { infoOf, type InstalledGeneration } from '../../core/registry/registry-source';
import type { Registry } from '../../core/registry/schema';
import type { RegistryStore } from '../../storage/registry-store';

/** Writes `registry` to the registry store under `generation`, as an accepted update is (needs an IndexedDB). */
export async function writeToStore(
  openStore: () => Promise<RegistryStore>,
  registry: Registry,
  generation: number,
): Promise<InstalledGeneration> {
  const bucketed = bucketRegistry(registry);
  await (await openStore()).write(generation, bucketed);
  return { generation, layout: bucketed.layout, info: infoOf(new RegistryIndex(registry)) };
}
