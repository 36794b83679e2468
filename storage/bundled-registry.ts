import bundled from '#registry';
import { RegistryIndex } from '../core/registry/registry-index';
import { RegistrySchema } from '../core/registry/schema';

let index: RegistryIndex | undefined;

/** The registry shipped with this build, checked against the schema once, on first use. */
export function bundledRegistry(): RegistryIndex {
  index ??= new RegistryIndex(RegistrySchema.parse(bundled));
  return index;
}
