// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageFinding } from '../../core/page/scan-page';
import { scanPage } from '../../core/page/scan-page';
import { watchPage } from '../../content/page-watch';

let reports: string[][];
let scans: number;
// A fresh document per test: a watcher never stops, so one on a shared document would report into later tests.
let doc: Document;

function start(scan: (doc: Document) => PageFinding[] = scanPage) {
  watchPage({
    doc,
    scan: (d) => {
      scans++;
      return scan(d);
    },
    report: (findings) => reports.push(findings.map((f) => f.canonical)),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  doc = document.implementation.createHTMLDocument('shop');
  doc.body.innerHTML = '<main>shop</main>';
  reports = [];
  scans = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watching a page', () => {
  it('reports nothing for a page without numbers', async () => {
    start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(reports).toEqual([]);
  });

  it('reports a footer added after load, once', async () => {
    start();
    setTimeout(() => {
      doc.body.insertAdjacentHTML('beforeend', '<footer>渝B2-20210467</footer>');
    }, 2000);
    await vi.advanceTimersByTimeAsync(2100);
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(reports).toEqual([['渝B2-20210467']]);
    doc.body.insertAdjacentHTML('beforeend', '<p>unrelated</p>');
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toEqual([['渝B2-20210467']]);
  });

  it('reports again when a route change replaces the footer, including with nothing', async () => {
    doc.body.innerHTML = '<footer>京B2-20190486</footer>';
    start();
    expect(reports).toEqual([['京B2-20190486']]);
    doc.body.innerHTML = '<footer>渝B2-20210467</footer>';
    await vi.advanceTimersByTimeAsync(500);
    doc.body.innerHTML = '<footer>no number</footer>';
    await vi.advanceTimersByTimeAsync(500);
    expect(reports).toEqual([['京B2-20190486'], ['渝B2-20210467'], []]);
  });

  it('rescans in batches and ever less often under endless mutations', async () => {
    start();
    const churn = setInterval(() => {
      doc.body.firstElementChild!.textContent = String(Math.random());
    }, 16);
    await vi.advanceTimersByTimeAsync(10_000);
    const firstTenSeconds = scans;
    await vi.advanceTimersByTimeAsync(30_000);
    const atForty = scans;
    await vi.advanceTimersByTimeAsync(30_000);
    clearInterval(churn);
    // About 3,700 mutations in the first ten seconds; at most one scan per 250 ms.
    expect(firstTenSeconds).toBeLessThanOrEqual(41);
    expect(firstTenSeconds).toBeGreaterThan(5);
    // Thirty seconds later, three times as long a window holds fewer scans than the first ten seconds.
    expect(scans - atForty).toBeLessThan(firstTenSeconds / 2);
  });

  it('never lets a failing scan or report escape', async () => {
    watchPage({
      doc,
      scan: () => {
        throw new Error('hostile page');
      },
      report: () => Promise.reject(new Error('extension reloaded')),
    });
    doc.body.append('x');
    await vi.advanceTimersByTimeAsync(1000);
    start(() => [{ kind: 'licence', canonical: '渝B2-20210467', context: '', role: 'claim' as const }]);
    expect(reports).toEqual([['渝B2-20210467']]);
  });
});
