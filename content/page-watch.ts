import { findingKey, type PageFinding } from '../core/page/scan-page';

export interface PageWatchEnvironment {
  doc: Document;
  scan: (doc: Document) => PageFinding[];
  /** Sends the frame's findings to the background; replaces what was reported before. */
  report: (findings: PageFinding[]) => unknown;
}

// Rescans wait at least this long after a mutation, so a burst of mutations costs one scan.
const FIRST_INTERVAL_MS = 250;
// A page that keeps mutating is rescanned ever less often: the interval doubles every ten scans.
const SCANS_PER_DOUBLING = 10;
const MAX_INTERVAL_MS = 30_000;
// And never more often than this many times its own cost, so a slow page is not kept busy by us.
const COST_FACTOR = 20;

const keyOf = (findings: PageFinding[]) => findings.map((f) => `${findingKey(f)} ${f.role}`).join('\n');

/**
 * Scans now and again after the page changes (late footers, client-side routes), in batches, and reports
 * only when what the frame shows has changed. Nothing it does can throw into the page.
 */
export function watchPage(env: PageWatchEnvironment): void {
  // A fresh page has reported nothing, which the background reads as no findings: the key of none.
  let reported = '';
  let pending = false;
  let scans = 0;
  let lastCost = 0;
  let lastRun = 0;

  const run = () => {
    pending = false;
    try {
      const started = performance.now();
      const findings = env.scan(env.doc);
      lastRun = performance.now();
      lastCost = lastRun - started;
      scans++;
      const key = keyOf(findings);
      if (key === reported) return;
      reported = key;
      Promise.resolve(env.report(findings)).catch(() => undefined);
    } catch {
      // A page can be hostile or the extension reloaded under it; the next mutation tries again.
    }
  };

  const schedule = () => {
    if (pending) return;
    pending = true;
    const interval = Math.min(MAX_INTERVAL_MS, FIRST_INTERVAL_MS * 2 ** Math.floor(scans / SCANS_PER_DOUBLING));
    const wait = Math.max(FIRST_INTERVAL_MS, lastCost * COST_FACTOR, lastRun + interval - performance.now());
    setTimeout(run, wait);
  };

  run();
  try {
    new MutationObserver(schedule).observe(env.doc, { childList: true, subtree: true, characterData: true });
  } catch {
    // No observer (a document being torn down): the first scan is all there is.
  }
}
