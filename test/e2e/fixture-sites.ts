// The sites the end-to-end tests visit: one per case, each served under its own host name.
import type { Verdict } from '../../core/verdict/verdict';
import { DIRTY_LAYOUT_SCRIPT } from '../../bench/pages';
import { CORPUS_SITES } from './corpus-sites';

export interface FixtureSite {
  /** What the case is, for test names. */
  name: string;
  host: string;
  html: string;
  /** The verdict the badge must show; `registry` means: work it out from the registry's dates. */
  expected: Verdict | { registry: string };
}

function page(title: string, footer: string, extra = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><h1>${title}</h1></header><main><p>欢迎光临，精选好车，放心购买。</p></main>${extra}
<footer>${footer}</footer></body></html>`;
}

const SEEDED: [string, string][] = [
  ['maichetong.com.cn', '渝B2-20210467'],
  ['m.maichetong.com.cn', '渝B2-20210467'],
  ['autoengine.com', '渝B2-20210467'],
  ['www.autoengine.com', '渝B2-20210467'],
  ['dongchedi.com', '渝B2-20210467'],
  ['m.dongchedi.com', '渝B2-20210467'],
  ['dcarapi.com', '渝B2-20210467'],
  ['api.dcarapi.com', '渝B2-20210467'],
  ['etaoche.cn', '京B2-20190486'],
  ['www.etaoche.cn', '京B2-20190486'],
  ['kwaigobuy.com', '川B2-20200036'],
  ['m.kwaigobuy.com', '川B2-20200036'],
  ['kwaixiaodian.com', '川B2-20200036'],
  ['www.kwaixiaodian.com', '川B2-20200036'],
];

export const SEEDED_SITES: FixtureSite[] = SEEDED.map(([host, number]) => ({
  name: `seeded ${host}`,
  host,
  html: page(host, `增值电信业务经营许可证：${number} 京公网安备11010802020088号`),
  expected: { registry: number },
}));

// Keeps the page busy the way a real heavy page is: a heartbeat records the longest gap between its
// ticks, so a test can tell whether anything (our scan included) blocked the main thread.
const HEARTBEAT = `<script>
  window.__gaps = []; let last = performance.now();
  setInterval(() => { const now = performance.now(); window.__gaps.push(now - last); last = now; }, 10);
</script>`;

const ITEM = '<div class="item"><span>商品</span><b>¥99</b><i>新</i></div>';

export const CASE_SITES: FixtureSite[] = [
  {
    name: 'listed fixture',
    host: 'listed-fixture.cn',
    html: page('listed', 'ICP证：沪B2-20250001号'),
    expected: { registry: '沪B2-20250001' },
  },
  { name: 'listed fixture subdomain', host: 'shop.listed-fixture.cn', html: page('listed', ''), expected: { registry: '沪B2-20250001' } },
  {
    name: 'expiring fixture',
    host: 'expiring-fixture.cn',
    html: page('expiring', '沪B2-20250002'),
    expected: { registry: '沪B2-20250002' },
  },
  {
    name: 'fraud site borrowing 渝B2-20210467',
    host: 'cheap-cars-deal.com',
    html: page('特价车', '经营许可证编号：渝B2-20210467'),
    expected: 'mismatch',
  },
  { name: 'number the registry lacks', host: 'unknown-shop.cn', html: page('商店', 'ICP证：粤B2-20090059号'), expected: 'unknown' },
  { name: 'no number', host: 'plain-shop.cn', html: page('商店', '京ICP备10046444号-9 版权所有'), expected: 'unlisted' },
  { name: 'licence that lists no domains', host: 'dongchedi-mall.cn', html: page('懂车帝商城', '渝B2-20230001'), expected: 'claimed' },
  {
    name: 'number split across elements',
    host: 'split-footer.com',
    html: page('split', '<span>渝B2-</span><span>2021</span><b>0467</b>'),
    expected: 'mismatch',
  },
  {
    name: 'full-width number',
    host: 'fullwidth-footer.com',
    html: page('全角', '增值电信业务经营许可证：渝Ｂ２－２０２１０４６７'),
    expected: 'mismatch',
  },
  {
    name: 'footer added two seconds after load',
    host: 'late-footer.com',
    html: page(
      'late',
      '',
      `<script>setTimeout(() => { document.querySelector('footer').innerHTML = '<p>ICP证：渝B2-20210467</p>'; }, 2000);</script>`,
    ),
    expected: 'mismatch',
  },
  {
    name: 'footer in a shadow root',
    host: 'shadow-footer.com',
    html: page(
      'shadow',
      '<site-footer></site-footer>',
      `<script>customElements.define('site-footer', class extends HTMLElement {
        connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>经营许可证：<span>渝B2-20210467</span></p>'; }
      });</script>`,
    ),
    expected: 'mismatch',
  },
  {
    name: 'single-page app changing route',
    host: 'spa-shop.com',
    html: page(
      'spa',
      '',
      `<script>
        window.route = (path, footer) => { history.pushState({}, '', path); document.querySelector('footer').innerHTML = footer; };
        setTimeout(() => route('/about', '<p>ICP证：渝B2-20210467</p>'), 500);
      </script>`,
    ),
    expected: 'mismatch',
  },
  {
    name: 'page of 200,000 nodes',
    host: 'huge-page.com',
    html: page('huge', '经营许可证：渝B2-20210467', `${HEARTBEAT}<div id="grid">${ITEM.repeat(50_000)}</div>`),
    expected: 'mismatch',
  },
  {
    name: 'page that mutates every frame',
    host: 'mutating-page.com',
    html: page(
      'mutating',
      '经营许可证：渝B2-20210467',
      `${HEARTBEAT}<div id="ticker"></div><script>
        const ticker = document.getElementById('ticker'); let n = 0;
        const tick = () => { ticker.textContent = '价格 ' + (n++); const el = document.createElement('i'); ticker.append(el); requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      </script>`,
    ),
    expected: 'mismatch',
  },
];

const FOOTER = '经营许可证：渝B2-20210467';
const ERRORS = `<script>window.__errors = 0; addEventListener('error', () => window.__errors++);</script>`;

/** Pages built to hurt a scanner; each shows the borrowed number 渝B2-20210467 in its footer. */
export const HOSTILE_SITES: FixtureSite[] = [
  {
    name: 'a million nodes',
    host: 'million-nodes.com',
    html: page('million', FOOTER, `${HEARTBEAT}<div>${'<i>货</i>'.repeat(500_000)}</div>`),
    expected: 'mismatch',
  },
  {
    name: 'a single text node of 50 MB',
    host: 'huge-text-node.com',
    html: page(
      'huge text',
      FOOTER,
      `${HEARTBEAT}<div id="blob"></div><script>document.getElementById('blob').textContent = '商'.repeat(25_000_000);</script>`,
    ),
    expected: 'mismatch',
  },
  {
    name: 'nesting 100,000 levels deep',
    host: 'deep-nesting.com',
    // Hidden: laying out 100,000 nested boxes hangs the browser's own renderer; the DOM depth is what a
    // scanner must survive (a recursive walk would overflow its stack).
    html: page(
      'deep',
      FOOTER,
      `${HEARTBEAT}<div id="deep" hidden></div><script>
      let at = document.getElementById('deep');
      for (let i = 0; i < 100000; i++) { const d = document.createElement('div'); at.append(d); at = d; }
      at.textContent = '最深处';
    </script>`,
    ),
    expected: 'mismatch',
  },
  {
    name: 'redefined globals and prototypes',
    host: 'redefined-globals.com',
    html: page(
      'globals',
      FOOTER,
      `${HEARTBEAT}${ERRORS}<script>
      Array.prototype.map = () => { throw new Error('map'); };
      Array.prototype.filter = () => { throw new Error('filter'); };
      String.prototype.replace = () => '';
      String.prototype.slice = () => '';
      JSON.stringify = () => '{}';
      Object.defineProperty(Node.prototype, 'textContent', { get() { return ''; } });
      window.MutationObserver = function () { throw new Error('no observers'); };
      window.setTimeout = () => 0;
      window.chrome = undefined;
      Object.prototype.toString = () => 'hacked';
    </script>`,
    ),
    expected: 'mismatch',
  },
  {
    name: 'a postMessage flood',
    host: 'postmessage-flood.com',
    html: page(
      'flood',
      FOOTER,
      `${HEARTBEAT}${ERRORS}<script>
      const flood = () => { for (let i = 0; i < 200; i++) postMessage({ type: 'findings', findings: [{ kind: 'licence', canonical: '京B2-20190486' }] }, '*'); setTimeout(flood, 0); };
      flood();
    </script>`,
    ),
    expected: 'mismatch',
  },
];

/** A page whose licence number is only in its header, before `middle`: no tail holds it, the whole text must be read. */
function headerOnly(title: string, middle: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><h1>${title}</h1><p>${FOOTER}</p></header>${HEARTBEAT}${middle}<footer>© 2026 ${title}</footer></body></html>`;
}

/** Pages that force the scanner off its cheap path (the licence is not near the page's end in its light DOM). */
export const EXPENSIVE_SITES: FixtureSite[] = [
  {
    name: 'a million nodes, the number only in the header',
    host: 'million-header.com',
    html: headerOnly('million header', `<main><div>${'<i>货</i>'.repeat(500_000)}</div></main>`),
    expected: 'mismatch',
  },
  {
    name: 'a 50 MB text node in the middle, the number only in the header',
    host: 'huge-text-header.com',
    html: headerOnly(
      'huge text header',
      `<main><div id="blob"></div></main><script>document.getElementById('blob').textContent = '商'.repeat(25_000_000);</script>`,
    ),
    expected: 'mismatch',
  },
  {
    name: 'a million nodes, the footer only in an open shadow root at the end',
    host: 'million-shadow.com',
    html: page(
      'million shadow',
      '© 2026',
      `${HEARTBEAT}<main><div>${'<i>货</i>'.repeat(500_000)}</div></main><site-footer></site-footer><script>
      document.querySelector('site-footer').attachShadow({ mode: 'open' }).innerHTML = '<footer>${FOOTER}</footer>';
    </script>`,
    ),
    expected: 'mismatch',
  },
];

const LISTED_FOOTER = 'ICP证：沪B2-20250001号';

/**
 * Pages where reading geometry would force a layout, each on a listed subdomain: the verdict is `listed`, so
 * no warning is injected and only the content script runs on them.
 */
export const LAYOUT_SITES: (FixtureSite & { keepsLayoutDirty?: true })[] = [
  {
    name: 'a small shop, the licence in its footer',
    host: 'small.listed-fixture.cn',
    html: page('小店', LISTED_FOOTER),
    expected: { registry: '沪B2-20250001' },
  },
  {
    name: 'a page whose script keeps layout dirty while the content script runs',
    host: 'dirty-layout.listed-fixture.cn',
    // The ticker's new text every frame wakes the content script's observer, so its rescans (timers) run
    // on dirty layout too.
    html: page(
      '动画',
      LISTED_FOOTER,
      `<div>${ITEM.repeat(1_000)}</div><p id="ticker"></p>${DIRTY_LAYOUT_SCRIPT}<script>
        const ticker = document.getElementById('ticker'); let n = 0;
        const tick = () => { ticker.textContent = '价格 ' + (n++); requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      </script>`,
    ),
    expected: { registry: '沪B2-20250001' },
    keepsLayoutDirty: true,
  },
  {
    name: 'a page of 100,000 nodes',
    host: 'large.listed-fixture.cn',
    html: page('大店', LISTED_FOOTER, `<div>${ITEM.repeat(12_500)}</div>`),
    expected: { registry: '沪B2-20250001' },
  },
];

/** Shows a licence number the e2e registry lacks until a signed update adds it. */
export const UPDATE_SITE: FixtureSite = {
  name: 'site added by an update',
  host: 'new-listed-shop.cn',
  html: page('新店', 'ICP证：沪B2-20250009号'),
  expected: 'unknown',
};

export const ALL_SITES = [
  ...SEEDED_SITES,
  ...CASE_SITES,
  ...HOSTILE_SITES,
  ...EXPENSIVE_SITES,
  ...LAYOUT_SITES,
  UPDATE_SITE,
  ...CORPUS_SITES,
];

export function siteFor(host: string): FixtureSite | undefined {
  return ALL_SITES.find((s) => s.host === host);
}
