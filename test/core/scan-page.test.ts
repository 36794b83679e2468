// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { scanPage, type PageFinding } from '../../core/page/scan-page';

const numbers = (findings: PageFinding[]) => findings.map((f) => [f.kind, f.canonical, f.suffix]);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scanning a page', () => {
  it('reads a footer with all three kinds and quotes the text around each', () => {
    document.body.innerHTML = `<main>商品</main><footer>
      <p>增值电信业务经营许可证：<a href="#">渝B2-20210467</a></p>
      <p><a>京ICP备10046444号-9</a> | <img alt=""><span>京公网安备 11010802020088号</span></p></footer>`;
    const findings = scanPage(document);
    expect(numbers(findings)).toEqual([
      ['licence', '渝B2-20210467', undefined],
      ['icp-filing', '京ICP备10046444', '9'],
      ['public-security', '京公网安备11010802020088', undefined],
    ]);
    expect(findings[0].context).toBe('商品 增值电信业务经营许可证：渝B2-20210467 京ICP备10046444号-9 | 京公网安');
  });

  it('joins a number split across inline elements', () => {
    document.body.innerHTML = '<footer><span>渝B2-</span><span>2021</span><b>0467</b></footer>';
    expect(numbers(scanPage(document))).toEqual([['licence', '渝B2-20210467', undefined]]);
  });

  it('reads full-width text and keeps a site suffix apart', () => {
    document.body.innerHTML = '<p>渝Ｂ２－２０２１０４６７</p><p>川B2-20120050-3</p>';
    expect(numbers(scanPage(document))).toEqual([
      ['licence', '渝B2-20210467', undefined],
      ['licence', '川B2-20120050', '3'],
    ]);
  });

  it('ignores numbers that are only in scripts, styles, noscript and templates', () => {
    document.body.innerHTML = `<p>京B2-20190486</p>
      <script>var licences = ["渝B2-20210467", "京B2-20190486"]</script>
      <style>.x::after { content: "粤B2-20090059" }</style>
      <noscript>沪B2-20100043</noscript>
      <template><p>川B2-20200036</p></template>`;
    expect(numbers(scanPage(document))).toEqual([['licence', '京B2-20190486', undefined]]);
  });

  it('reads a footer inside open shadow roots, nested ones too', () => {
    document.body.innerHTML = '<site-footer></site-footer>';
    const outer = document.querySelector('site-footer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>版权所有</p><inner-footer></inner-footer>';
    const inner = outer.querySelector('inner-footer')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<span>渝B2-</span><span>20210467</span>';
    expect(numbers(scanPage(document))).toEqual([['licence', '渝B2-20210467', undefined]]);
  });

  it('looks for shadow roots only near the page’s end, where a footer in one sits', () => {
    const host = (id: string) => `<div id="${id}"></div>`;
    document.body.innerHTML = `${host('early')}${'<p><i>商品</i></p>'.repeat(1500)}${host('late')}<p>版权所有</p>`;
    document.getElementById('early')!.attachShadow({ mode: 'open' }).innerHTML = '<p>京B2-20190486</p>';
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<p>经营许可证：渝B2-20210467</p>';
    expect(numbers(scanPage(document))).toEqual([['licence', '渝B2-20210467', undefined]]);
  });

  it('reports each number once, and at most the limit', () => {
    document.body.innerHTML = '<p>京B2-20190486</p><p>京B2-20190486号</p>' + '<p>京ICP备1004644' + '4号</p>';
    expect(numbers(scanPage(document))).toEqual([
      ['licence', '京B2-20190486', undefined],
      ['icp-filing', '京ICP备10046444', undefined],
    ]);
    document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>京B2-2019${String(1000 + i)}</p>`).join('');
    expect(scanPage(document, { maxChars: 1e6, maxTextNodes: 1e5, maxFindings: 5 })).toHaveLength(5);
  });

  it('reads the end of text too long to read whole', () => {
    document.body.innerHTML = `<div>${'文'.repeat(5000)}</div><footer>渝B2-20210467</footer>`;
    expect(numbers(scanPage(document, { maxChars: 1000, maxTextNodes: 10, maxFindings: 20 }))).toEqual([
      ['licence', '渝B2-20210467', undefined],
    ]);
  });

  it('reads the footer from the end of a long page, and the whole page when the end shows no licence', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `<p>商品 ${i}</p>`).join('');
    document.body.innerHTML = `<header>京B2-20190486</header>${filler}<footer>渝B2-20210467</footer><script>"粤B2-20090059"</script>`;
    expect(numbers(scanPage(document))).toEqual([['licence', '渝B2-20210467', undefined]]);
    document.body.innerHTML = `<header>京B2-20190486</header>${filler}<footer>京ICP备10046444号</footer>`;
    expect(numbers(scanPage(document))).toEqual([
      ['licence', '京B2-20190486', undefined],
      ['icp-filing', '京ICP备10046444', undefined],
    ]);
  });

  it('finds nothing on a page without numbers, and on placeholders', () => {
    document.body.innerHTML = '<footer>京ICP备12345678号 ICP备案中 京B2-XXXXXXXX</footer>';
    expect(scanPage(document)).toEqual([]);
  });
});

const roles = (findings: PageFinding[]) => findings.map((f) => [f.canonical, f.role]);
const longText = (n: number) => Array.from({ length: n }, (_, i) => `<p>第${i}段：今天的天气不错，适合出门散步。</p>`).join('');

describe('claims and mentions', () => {
  it('a number in the footer, in footer-named blocks or in page chrome is the site’s claim', () => {
    document.body.innerHTML = `<header><span>京B2-20190486</span></header>${longText(200)}
      <div id="ft"><div class="copyright">渝B2-20210467</div></div><div class="site-bottom">川B2-20200036</div>`;
    expect(roles(scanPage(document))).toEqual([
      ['渝B2-20210467', 'claim'],
      ['川B2-20200036', 'claim'],
    ]);
    document.body.innerHTML = `<div class="top-bar">京B2-20190486</div>${longText(200)}<div role="contentinfo">京ICP备10046444号</div>`;
    expect(roles(scanPage(document))).toEqual([
      ['京B2-20190486', 'claim'],
      ['京ICP备10046444', 'claim'],
    ]);
  });

  it('a number in an article, a post, a comment, a quotation or the main content is a mention', () => {
    for (const wrap of [
      (n: string) => `<article><p>该公司持有的增值电信业务经营许可证（${n}）已到期。</p></article>`,
      (n: string) =>
        `<div id="postlist"><table id="pid12"><tr><td class="t_f" id="postmessage_12">请问${n}是真的吗？</td></tr></table></div>`,
      (n: string) => `<div class="comment-item"><p>我查了，${n}是别人的号</p></div>`,
      (n: string) => `<blockquote>许可证编号：${n}</blockquote>`,
      (n: string) => `<main><p>${n}</p></main>`,
      (n: string) => `<div class="TRS_Editor"><p>${n}</p></div>`,
    ]) {
      // At the page's end too: content markup outranks the position.
      document.body.innerHTML = `${longText(10)}${wrap('渝B2-20210467')}<footer>京ICP备10046444号</footer>`;
      expect(roles(scanPage(document)), wrap('…')).toEqual([
        ['渝B2-20210467', 'mention'],
        ['京ICP备10046444', 'claim'],
      ]);
    }
  });

  it('the page’s footer outranks the content it is nested in; an article’s title block does not', () => {
    document.body.innerHTML = `<div class="content">${longText(100)}<div class="footer">渝B2-20210467</div></div>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
    document.body.innerHTML = `<article><header><h1>渝B2-20210467 许可证到期</h1></header>${longText(100)}</article>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'mention']]);
    document.body.innerHTML = `<article>${longText(5)}<div class="footnotes">注1：渝B2-20210467</div></article>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'mention']]);
    // An id that only contains the letters of a footer word is not a footer.
    document.body.innerHTML = `<div id="topicpage"><div class="post">${longText(5)}渝B2-20210467</div></div>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'mention']]);
    document.body.innerHTML = `${longText(200)}<div class="site-icp">渝B2-20210467</div>${longText(200)}`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
  });

  it('a table or list of several licence numbers is a mention, unless it is in the footer', () => {
    const table = '<table><tr><td>甲公司</td><td>渝B2-20210467</td></tr><tr><td>乙公司</td><td>京B2-20190486</td></tr></table>';
    document.body.innerHTML = `${longText(5)}${table}`;
    expect(roles(scanPage(document))).toEqual([
      ['渝B2-20210467', 'mention'],
      ['京B2-20190486', 'mention'],
    ]);
    document.body.innerHTML = `${longText(5)}<div class="foot">${table}</div>`;
    expect(roles(scanPage(document))).toEqual([
      ['渝B2-20210467', 'claim'],
      ['京B2-20190486', 'claim'],
    ]);
    // One number in a table at the end is the site's own.
    document.body.innerHTML = `${longText(5)}<table><tr><td>经营许可证：渝B2-20210467</td></tr></table>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
  });

  it('unmarked text at the page’s end or after its main content is a claim; in the middle, a mention', () => {
    document.body.innerHTML = `${longText(100)}<div><p>经营许可证：渝B2-20210467</p></div>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
    document.body.innerHTML = `${longText(50)}<div><p>许可证 渝B2-20210467 的持有人</p></div>${longText(200)}`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'mention']]);
    // After the main content, even with a long dialog's text after it.
    document.body.innerHTML = `<main>${longText(50)}</main><div class="links">渝B2-20210467</div><div class="login-dialog">${longText(100)}</div>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
  });

  it('a number both mentioned and claimed is a claim, reported once', () => {
    document.body.innerHTML = `<article>${longText(5)}<p>渝B2-20210467</p></article>${longText(100)}<footer>渝B2-20210467号</footer>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
    document.body.innerHTML = `<header>渝B2-20210467</header><article>${longText(100)}<p>渝B2-20210467</p></article><footer>版权所有</footer>`;
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
  });

  it('a footer in a shadow root is a claim; a post in one is a mention', () => {
    document.body.innerHTML = `${longText(100)}<site-footer></site-footer>`;
    document.querySelector('site-footer')!.attachShadow({ mode: 'open' }).innerHTML = '<div class="bar">经营许可证：渝B2-20210467</div>';
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'claim']]);
    document.body.innerHTML = `<forum-post></forum-post>${longText(100)}<footer>版权所有</footer>`;
    document.querySelector('forum-post')!.attachShadow({ mode: 'open' }).innerHTML = '<div class="reply">渝B2-20210467 是真的吗</div>';
    expect(roles(scanPage(document))).toEqual([['渝B2-20210467', 'mention']]);
  });

  it('finds where a number is in text too long to read whole, counting from the end', () => {
    // 12,012 characters, of which the first 2,000 and the last 6,000 are read: the number is 5,012 from the end.
    document.body.innerHTML = `<article>${'文'.repeat(7000)}<p>渝B2-20210467</p>${'字'.repeat(2000)}</article><div>${'尾'.repeat(3000)}</div>`;
    expect(roles(scanPage(document, { maxChars: 8000, maxTextNodes: 1000, maxFindings: 20 }))).toEqual([['渝B2-20210467', 'mention']]);
  });
});
