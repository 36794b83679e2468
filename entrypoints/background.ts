import '../lib/startup-marks';
import trustedKeys from '#trusted-keys';
import * as z from 'zod/mini';
import { PublicKeyEntrySchema } from '../core/update/trusted-keys';
import { bundledRegistry } from '../lib/bundled-registry';
import { startContextMenu } from '../lib/context-menu';
import { startDayChange } from '../lib/day-change';
import { startDetection } from '../lib/detection';
import { startRegistryUpdates } from '../lib/registry-updates';
import { startWarnings } from '../lib/warnings';

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
