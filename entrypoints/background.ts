import bundledRegistry from '../data/registry.json';
import { RegistryIndex } from '../core/registry/registry-index';
import { RegistrySchema } from '../core/registry/schema';
import { startDetection } from '../lib/detection';

export default defineBackground(() => {
  const index = new RegistryIndex(RegistrySchema.parse(bundledRegistry));
  startDetection({ browser, registry: () => index });
});
