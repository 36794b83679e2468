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

  it('reports each number once, and at most the limit', () => {
    document.body.innerHTML = '<p>京B2-20190486</p><p>京B2-20190486号</p>' + '<p>京ICP备1004644' + '4号</p>';
    expect(numbers(scanPage(document))).toEqual([
      ['licence', '京B2-20190486', undefined],
      ['icp-filing', '京ICP备10046444', undefined],
    ]);
    document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>京B2-2019${String(1000 + i)}</p>`).join('');
    expect(scanPage(document, { maxChars: 1e6, maxElements: 1e5, maxFindings: 5 })).toHaveLength(5);
  });

  it('reads the end of text too long to read whole', () => {
    document.body.innerHTML = `<div>${'文'.repeat(5000)}</div><footer>渝B2-20210467</footer>`;
    expect(numbers(scanPage(document, { maxChars: 1000, maxElements: 10, maxFindings: 20 }))).toEqual([
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
