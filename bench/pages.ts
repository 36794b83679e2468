/** A generated shop page of about `nodes` DOM nodes with a licence number in its footer. */
export function shopPage(nodes: number): string {
  const items = Math.max(1, Math.round(nodes / 8));
  const item = '<div class="item"><span>商品名称</span><b>¥99</b><i>包邮</i></div>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>shop</title></head><body>
<header><h1>商城</h1></header><main>${item.repeat(items)}</main>
<footer><p>增值电信业务经营许可证：<span>渝B2-</span><span>20210467</span></p><p>京ICP备10046444号-9</p></footer>
<script>window.__ready = true;</script></body></html>`;
}
