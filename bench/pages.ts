export type Footer = 'licence' | 'icp-only';

/**
 * A generated shop page of about `nodes` DOM nodes. Its footer shows a licence number (the default) or,
 * with 'icp-only', only an ICP filing number, as most Chinese sites do.
 */
export function shopPage(nodes: number, footer: Footer = 'licence'): string {
  const items = Math.max(1, Math.round(nodes / 8));
  const item = '<div class="item"><span>商品名称</span><b>¥99</b><i>包邮</i></div>';
  const licence =
    footer === 'licence'
      ? '<p>增值电信业务经营许可证：<span>渝B2-</span><span>20210467</span></p><p>京ICP备10046444号-9</p>'
      : '<p>京ICP备10046444号</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>shop</title></head><body>
<header><h1>商城</h1></header><main>${item.repeat(items)}</main>
<footer>${licence}</footer>
<script>window.__ready = true;</script></body></html>`;
}

/** The same page in English, with no Chinese text at all. */
export function englishPage(nodes: number): string {
  const items = Math.max(1, Math.round(nodes / 8));
  const item = '<div class="item"><span>Product name</span><b>$99</b><i>Free shipping</i></div>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>
<header><h1>Shop</h1></header><main>${item.repeat(items)}</main>
<footer><p>© 2026 Example Shop Ltd. All rights reserved.</p></footer>
<script>window.__ready = true;</script></body></html>`;
}
