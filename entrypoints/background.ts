import { bundledRegistry } from '../lib/bundled-registry';
import { startDetection } from '../lib/detection';

export default defineBackground(() => {
  startDetection({ browser, registry: bundledRegistry });
});
