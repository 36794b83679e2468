// The content script: on every page and frame, at document_idle. It is bundled on its own by esbuild
// (wxt.config.ts, `build:publicAssets`) rather than as a WXT script, whose wrapper, logger and context
// object every page would compile and run; both browsers' runtime.sendMessage return a promise, so it needs
// no polyfill either.
import type { FindingsMessage } from '../core/messages';
import { scanPage, type PageFinding } from '../core/page/scan-page';
import { watchPage } from './page-watch';

declare const chrome: { runtime: { sendMessage(message: FindingsMessage): Promise<unknown> } };

watchPage({
  doc: document,
  scan: scanPage,
  report: (findings: PageFinding[]) => chrome.runtime.sendMessage({ type: 'findings', findings }),
});
