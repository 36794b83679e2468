import '../worker/startup-marks';
import trustedKeys from '#trusted-keys';
import * as z from 'zod/mini';
import { PublicKeyEntrySchema } from '../core/update/trusted-keys';
import { bundledRegistry } from '../storage/bundled-registry';
import { startContextMenu } from '../worker/context-menu';
import { startDayChange } from '../worker/day-change';
import { startDetection } from '../worker/detection';
import { startRegistryUpdates } from '../worker/updates/registry-updates';
import { startWarnings } from '../worker/warnings';

export default defineBackground(() => {
  const updates = startRegistryUpdates({
    browser,
    bundled: bundledRegistry(),
    bundledKeys: z.array(PublicKeyEntrySchema).parse(trustedKeys),
    subtle: crypto.subtle,
    onRegistryChanged: () => detection.refreshAll(),
  });
  const warnings = startWarnings(browser);
  const detection = startDetection({ browser, registry: updates.registry, onVerdict: warnings.onVerdict });
  startContextMenu(browser);
  void startDayChange(browser, () => detection.refreshAll());
});
