import { registryContentHash } from '../../core/registry/content-hash';
import { RegistryIndex } from '../../core/registry/registry-index';
import { infoOf, type InstalledGeneration } from '../../core/registry/registry-source';
import type { Registry } from '../../core/registry/schema';
import type { RegistryStore } from '../../storage/registry-store';

/** Writes `registry` to the registry store under `generation`, as an accepted update is (needs an IndexedDB). */
export async function writeToStore(
  openStore: () => Promise<RegistryStore>,
  registry: Registry,
  generation: number,
): Promise<InstalledGeneration & { contentHash: string }> {
  const writer = (await openStore()).writer(generation);
  for (let i = 0; i < Math.max(registry.licences.length, registry.filings?.length ?? 0); i += 100) {
    await writer.add(registry.licences.slice(i, i + 100), (registry.filings ?? []).slice(i, i + 100));
  }
  const contentHash = registryContentHash(registry);
  await writer.finish({ version: registry.version, contentHash });
  return { generation, info: infoOf(new RegistryIndex(registry)), contentHash };
}
