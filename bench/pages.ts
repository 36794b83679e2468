export type Footer = 'licence' | 'icp-only';

/**
 * A generated shop page of about `nodes` DOM nodes. Its footer shows a licence number (the default) or,
 * with 'icp-only', only an ICP filing number, as most Chinese sites do.
 */
export function shopPage(nodes: number, footer: Footer = 'licence', script = ''): string {
  const items = Math.max(1, Math.round(nodes / 8));
  const item = '<div class="item"><span>商品名称</span><b>¥99</b><i>包邮</i></div>';
  const licence =
    footer === 'licence'
      ? '<p>增值电信业务经营许可证：<span>渝B2-</span><span>20210467</span></p><p>京ICP备10046444号-9</p>'
      : '<p>京ICP备10046444号</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>shop</title></head><body>
<header><h1>商城</h1></header><main>${item.repeat(items)}</main>
<footer>${licence}</footer>
<script>window.__ready = true;</script>${script}</body></html>`;
}

/**
 * A page script that leaves style and layout out of date after almost every task, from when it runs until
 * 3 s after `load`, as a page that animates its layout from script does: whatever runs next (a content script
 * at document_idle, its timers) finds them dirty and pays for bringing them up to date if it reads anything
 * that needs it. A new body width each time, not a toggle, so that every update lays every line out again.
 * A loop of `scheduler.postTask` (timers wait 4 ms once nested) covers the time after `load`; while the page
 * loads Chromium runs about one such task per frame, and a script injected right after a frame found layout
 * clean in half the loads, so each frame also queues a user-blocking task, which runs before the next
 * ordinary one (24 loads of 24 then started the content script on dirty layout).
 */
export const DIRTY_LAYOUT_SCRIPT = `<script>{
  let n = 0;
  let until = Infinity;
  addEventListener('load', () => { until = performance.now() + 3000; });
  const dirty = () => { document.body.style.width = 700 + (n++ % 100) + 'px'; };
  const loop = () => { dirty(); if (performance.now() < until) scheduler.postTask(loop); };
  const afterFrame = () => {
    scheduler.postTask(dirty, { priority: 'user-blocking' });
    if (performance.now() < until) requestAnimationFrame(afterFrame);
  };
  loop();
  requestAnimationFrame(afterFrame);
}</script>`;

/** The same page in English, with no Chinese text at all. */
export function englishPage(nodes: number): string {
  const items = Math.max(1, Math.round(nodes / 8));
  const item = '<div class="item"><span>Product name</span><b>$99</b><i>Free shipping</i></div>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>
<header><h1>Shop</h1></header><main>${item.repeat(items)}</main>
<footer><p>© 2026 Example Shop Ltd. All rights reserved.</p></footer>
<script>window.__ready = true;</script></body></html>`;
}
