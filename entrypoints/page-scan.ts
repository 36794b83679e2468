import { scanPage, type PageFinding } from '../core/page/scan-page';
import type { FindingsMessage } from '../core/messages';
import { watchPage } from '../lib/page-watch';

// This runs on every page and frame, so it is a plain script (declared as a content script in
// wxt.config.ts) rather than a WXT content script, whose context object posts window messages, polls
// the location and bundles the polyfill. Both browsers' runtime.sendMessage return a promise.
declare const chrome: { runtime: { sendMessage(message: FindingsMessage): Promise<unknown> } };

export default defineUnlistedScript(() => {
  watchPage({
    doc: document,
    scan: (doc) => scanPage(doc),
    report: (findings: PageFinding[]) => chrome.runtime.sendMessage({ type: 'findings', findings }),
    now: () => performance.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
  });
});
