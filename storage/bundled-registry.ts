import bundled from '#registry';
import { RegistryIndex } from '../core/registry/registry-index';
import { RegistrySchema } from '../core/registry/schema';

/** The registry shipped with this build, checked against the schema (each caller keeps what it gets). */
export function bundledRegistry(): RegistryIndex {
  return new RegistryIndex(RegistrySchema.parse(bundled));
}
