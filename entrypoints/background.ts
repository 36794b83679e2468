import '../worker/startup-marks';
import trustedKeys from '#trusted-keys';
import * as z from 'zod/mini';
import { PublicKeyEntrySchema } from '../core/update/trusted-keys';
import { bundledRegistry } from '../storage/bundled-registry';
import { translatorLoader } from '../storage/load-translator';
import { registryStoreOpener } from '../storage/registry-store';
import { startContextMenu } from '../worker/context-menu';
import { startDayChange } from '../worker/day-change';
import { startDetection } from '../worker/detection';
import { startMessageRouter, type ContentHandlers, type PageHandlers } from '../worker/message-router';
import { startRegistryUpdates } from '../worker/updates/registry-updates';
import { startWarnings } from '../worker/warnings';

// Wiring only: each part registers its own browser listeners; messages reach them through the one router.
export default defineBackground(() => {
  const loadTranslator = translatorLoader(browser);
  const updates = startRegistryUpdates({
    browser,
    bundled: bundledRegistry(),
    bundledKeys: z.array(PublicKeyEntrySchema).parse(trustedKeys),
    subtle: crypto.subtle,
    openStore: registryStoreOpener(),
    onRegistryChanged: () => detection.refreshAll(),
  });
  const warnings = startWarnings(browser, loadTranslator);
  const detection = startDetection({ browser, registry: updates.registry, loadTranslator, onVerdict: warnings.onVerdict });
  startMessageRouter(browser, {
    content: {
      findings: detection.onFindings,
      openDetails: warnings.openDetails,
      dismissWarning: warnings.dismissWarning,
    } satisfies ContentHandlers,
    pages: {
      checkUpdates: updates.checkUpdates,
      importRegistry: updates.importRegistry,
    } satisfies PageHandlers,
  });
  startContextMenu(browser);
  void startDayChange(browser, () => detection.refreshAll());
});
