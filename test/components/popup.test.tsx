// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LicenceDetail } from '../../components/LicenceDetail';
import { Popup, type TabView } from '../../components/Popup';
import type { Finding } from '../../core/messages';
import { computeVerdict } from '../../core/verdict/verdict';
import type { RegistrySource } from '../../core/registry/registry-source';
import { memorySource } from '../../core/registry/registry-source';
import { endedIndex, filedIndex, filedMemoryRegistry, index, memoryRegistry, storedRegistry, translator } from './render-helpers';

afterEach(cleanup);

const finding = (
  canonical: string,
  kind: Finding['kind'] = 'licence',
  context = `经营许可证：${canonical}`,
  role: Finding['role'] = 'claim',
): Finding => ({
  kind,
  canonical,
  context,
  role,
});

function tabView(host: string, findings: Finding[], today: string, registry = index): TabView {
  const of = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind);
  const claimed = (kind: Finding['kind']) =>
    of(kind)
      .filter((f) => f.role === 'claim')
      .map((f) => f.canonical);
  return {
    host,
    findings,
    registered: [
      ...of('licence')
        .map((f) => f.canonical)
        .filter((n) => registry.licence(n)),
      ...of('icp-filing')
        .map((f) => f.canonical)
        .filter((n) => registry.filing(n)),
    ],
    result: computeVerdict({
      host,
      claimedLicenceNumbers: claimed('licence'),
      claimedFilingNumbers: claimed('icp-filing'),
      index: registry,
      today,
    }),
  };
}

function renderPopup(
  tab: TabView | null,
  today: string,
  locale: 'en' | 'zh_CN' = 'en',
  initialQuery?: string,
  registry: RegistrySource = memoryRegistry,
) {
  const copy = vi.fn(() => Promise.resolve());
  const openOptions = vi.fn();
  const openGuide = vi.fn();
  render(
    <Popup
      tab={tab}
      registry={registry}
      today={today}
      copy={copy}
      openOptions={openOptions}
      openGuide={openGuide}
      initialQuery={initialQuery}
      {...translator(locale)}
    />,
  );
  return { copy, openOptions, openGuide };
}

const heading = () => screen.getByRole('heading', { level: 1 });
const text = () => document.body.textContent ?? '';

describe('the popup for each verdict', () => {
  it('listed: the whole licence, this site on it, history and registry version', () => {
    renderPopup(tabView('m.maichetong.com.cn', [finding('渝B2-20210467')], '2026-06-01'), '2026-06-01');
    expect(heading()).toHaveProperty('textContent', 'Licensed for this site');
    expect(heading().dataset.verdict).toBe('listed');
    const page = text();
    for (const expected of [
      'Licensed: m.maichetong.com.cn is listed under licence 渝B2-20210467 (重庆万象优车科技有限公司), valid until 2026-10-20.',
      'The licence covers this site. It says nothing about the goods or the content.',
      '渝B2-20210467',
      'Holder重庆万象优车科技有限公司',
      'Legal representative马骏',
      'Issued20 May 2026',
      'Valid until20 October 2026valid, 141 days left',
      '信息服务业务（仅限互联网信息服务）不含信息搜索查询服务、信息即时交互服务',
      '在线数据处理与交易处理业务（仅限经营类电子商务）不含网络借贷信息中介类的互联网金融业务',
      'Site name卖车通 · Website · maichetong.com.cn',
      'Server location河北省廊坊市安次区云起道与富文道交叉口万国6号数据中心',
      'Access provider北京火山引擎科技有限公司',
      'Issued 31 October 2022, valid until 20 October 2026, legal representative 李飞, 2 sites and apps',
      '渝B2-20210467 Licence · in the registry经营许可证：渝B2-20210467',
      'Registry version 1 of 22 November 2026',
    ]) {
      expect(page).toContain(expected);
    }
    expect(screen.getByRole('link', { name: "Confirm on the regulator's licence system (MIIT)" }).getAttribute('href')).toBe(
      'https://tsm.miit.gov.cn/',
    );
  });

  it('expiring: days left in words', () => {
    renderPopup(tabView('maichetong.com.cn', [], '2026-08-01'), '2026-08-01');
    expect(heading()).toHaveProperty('textContent', 'Licence expiring soon');
    expect(text()).toContain('Valid until20 October 2026expiring, 80 days left');
    expect(text()).toContain('No licence or filing number was found on this page.');
  });

  it('expired: days since expiry', () => {
    renderPopup(tabView('etaoche.cn', [finding('京B2-20190486')], '2026-11-22'), '2026-11-22');
    expect(heading()).toHaveProperty('textContent', 'Licence expired');
    expect(text()).toContain('Valid until6 March 2024expired 991 days ago');
    expect(text()).toContain('Site name淘车二手车 · Website · etaoche.cn');
  });

  it('mismatch: who holds the number and which domains it really covers', () => {
    renderPopup(tabView('cheap-cars-deal.com', [finding('渝B2-20210467')], '2026-06-01'), '2026-06-01');
    expect(heading()).toHaveProperty('textContent', 'Borrowed licence number');
    expect(heading().dataset.verdict).toBe('mismatch');
    const page = text();
    expect(page).toContain(
      'Warning: this page shows licence 渝B2-20210467, which is registered to 重庆万象优车科技有限公司 for other domains, not for cheap-cars-deal.com.',
    );
    expect(page).toContain('Do not pay or enter personal data here.');
    const covers = screen.getByRole('heading', { name: 'Domains this licence actually covers' }).nextElementSibling as HTMLElement;
    const langfang = '河北省廊坊市安次区云起道与富文道交叉口万国6号数据中心';
    expect([...covers.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `maichetong.com.cn 卖车通 (Website)${langfang} · 北京火山引擎科技有限公司`,
      `autoengine.com 巨懂车 (Website)${langfang} · 北京火山引擎科技有限公司`,
      `dongchedi.com 懂车帝网站 (Website)${langfang} · 北京火山引擎科技有限公司`,
      `autoengine.com 巨懂车 (App)${langfang} · 小米应用商店、应用宝、vivo应用商店、oppo应用商店、华为应用商店、App Store`,
      `dcarapi.com 懂车帝 (App)${langfang} · App Store、华为/鸿蒙、荣耀、oppo等应用商城`,
    ]);
    expect(screen.queryByRole('heading', { name: 'This site on the licence' })).toBeNull();
  });

  it('claimed: the licence lists no domains', () => {
    renderPopup(tabView('dongchedi-mall.cn', [finding('渝B2-20230001')], '2026-06-01'), '2026-06-01');
    expect(heading()).toHaveProperty('textContent', 'Licence shown, site not confirmable');
    expect(text()).toContain('This licence lists no domains.');
    expect(text()).toContain('Holder重庆懂车帝科技有限公司');
  });

  it('unknown: the number is not in the registry, and each kind of number is named', () => {
    const findings = [
      finding('粤B2-20090059'),
      finding('京ICP备10046444', 'icp-filing', '京ICP备10046444号-9'),
      finding('京公网安备11010802020088', 'public-security'),
    ];
    renderPopup(tabView('unknown-shop.cn', findings, '2026-06-01'), '2026-06-01');
    expect(heading()).toHaveProperty('textContent', 'Licence number not in the registry');
    const shown = screen.getByRole('heading', { name: 'What this site shows as its own' }).parentElement as HTMLElement;
    expect([...shown.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '粤B2-20090059 Licence · not in the registry经营许可证：粤B2-20090059',
      '京ICP备10046444 ICP filing (not a licence)京ICP备10046444号-9',
      '京公网安备11010802020088 Public-security filing经营许可证：京公网安备11010802020088',
    ]);
  });

  it('unlisted: says so, with no licence shown', () => {
    renderPopup(tabView('plain-shop.cn', [], '2026-06-01'), '2026-06-01');
    expect(heading()).toHaveProperty('textContent', 'Not in the registry');
    expect(screen.queryByRole('button', { name: 'Copy number' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'What this page shows' }).nextElementSibling?.textContent).toBe(
      'No licence or filing number was found on this page.',
    );
  });

  it('a news page that only mentions a borrowed number: unlisted, the number listed apart as mentioned', () => {
    const findings = [
      finding('渝B2-20210467', 'licence', '该公司的许可证（渝B2-20210467）已到期', 'mention'),
      finding('京ICP备10046444', 'icp-filing', '京ICP备10046444号'),
    ];
    renderPopup(tabView('news.example.cn', findings, '2026-06-01'), '2026-06-01');
    expect(heading().dataset.verdict).toBe('unlisted');
    const claimed = screen.getByRole('heading', { name: 'What this site shows as its own' }).parentElement as HTMLElement;
    expect([...claimed.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '京ICP备10046444 ICP filing (not a licence)京ICP备10046444号',
    ]);
    const mentioned = screen.getByRole('heading', { name: 'Mentioned on this page' }).parentElement as HTMLElement;
    expect(mentioned.textContent).toContain('they do not decide the verdict');
    expect([...mentioned.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '渝B2-20210467 Licence · in the registry该公司的许可证（渝B2-20210467）已到期',
    ]);
  });

  it('a listed site whose footer also shows another company’s licence: listed, and the other claim named', () => {
    renderPopup(tabView('maichetong.com.cn', [finding('渝B2-20210467'), finding('京B2-20190486')], '2026-06-01'), '2026-06-01');
    expect(heading().dataset.verdict).toBe('listed');
    expect(text()).toContain(
      "This site also shows licence 京B2-20190486, which belongs to 北京淘车科技有限公司 and does not cover this site. The registry's listing above decides.",
    );
  });

  it('a tab that is not a web page', () => {
    renderPopup(null, '2026-06-01');
    expect(text()).toContain('This tab is not a website, so there is nothing to check.');
  });

  it('in Chinese', () => {
    renderPopup(tabView('cheap-cars-deal.com', [finding('渝B2-20210467')], '2026-06-01'), '2026-06-01', 'zh_CN');
    expect(heading()).toHaveProperty('textContent', '冒用他人许可证编号');
    expect(text()).toContain('有效期至2026年10月20日有效，剩余 141 天');
  });

  it('copies the number and opens the settings', async () => {
    const { copy, openOptions } = renderPopup(tabView('maichetong.com.cn', [], '2026-06-01'), '2026-06-01');
    fireEvent.click(screen.getByRole('button', { name: 'Copy number' }));
    expect(copy).toHaveBeenCalledWith('渝B2-20210467');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(openOptions).toHaveBeenCalled();
  });

  it('opens the guide', () => {
    const { openGuide } = renderPopup(null, '2026-06-01');
    fireEvent.click(screen.getByRole('button', { name: 'How to read the badge' }));
    expect(openGuide).toHaveBeenCalled();
  });
});

describe.each([
  ['held in memory', () => memoryRegistry],
  ['in the indexed store', () => storedRegistry()],
] as const)('lookup from selected text (popup.html?q=…), registry %s', (_, registry) => {
  it('opens the licence straight away for a spaced full-width number', async () => {
    renderPopup(null, '2026-11-22', 'en', '渝Ｂ２ －２０２１ ０４６７', await registry());
    await waitFor(() => expect(screen.getByRole('button', { name: '← Back' })).toBeTruthy());
    expect(text()).toContain('Legal representative马骏');
    fireEvent.click(screen.getByRole('button', { name: '← Back' }));
    expect((screen.getByLabelText('Look up a licence or ICP filing number, domain or company name') as HTMLInputElement).value).toBe(
      '渝Ｂ２ －２０２１ ０４６７',
    );
  });

  it('lists the matches when a name finds several', async () => {
    renderPopup(null, '2026-11-22', 'en', '懂车帝', await registry());
    await waitFor(() => expect(within(screen.getByRole('status')).getAllByRole('button')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: '← Back' })).toBeNull();
  });
});

describe.each([
  ['held in memory', () => memoryRegistry],
  ['in the indexed store', () => storedRegistry()],
] as const)('manual lookup, registry %s', (_, registry) => {
  const lookup = (query: string) =>
    fireEvent.input(screen.getByLabelText('Look up a licence or ICP filing number, domain or company name'), { target: { value: query } });
  const results = () =>
    within(screen.getByRole('status'))
      .queryAllByRole('button')
      .map((b) => b.textContent);

  it('by number in any spelling, and opens the detail view', async () => {
    renderPopup(null, '2026-11-22', 'en', undefined, await registry());
    lookup('川b2 ２０２０００３６');
    await waitFor(() => expect(results()).toEqual(['川B2-20200036 成都快购科技有限公司 expired']));
    fireEvent.click(screen.getByRole('button', { name: /川B2-20200036/ }));
    const page = text();
    expect(page).toContain('Holder成都快购科技有限公司');
    expect(page).toContain('Legal representative杨远熙');
    expect(page).toContain('含文化，不含信息搜索查询服务、信息即时交互服务');
    expect(page).toContain(
      'kwaigobuy.com 成都快购科技有限公司 (Website)四川省成都高新区益州大道1666号中国电信中国西部信息中心1层 · 腾讯云计算（北京）有限责任公司',
    );
    fireEvent.click(screen.getByRole('button', { name: '← Back' }));
    expect(screen.getByLabelText('Look up a licence or ICP filing number, domain or company name')).toBeTruthy();
  });

  it('by domain, giving the verdict for that host', async () => {
    renderPopup(null, '2026-11-22', 'en', undefined, await registry());
    lookup('etaoche.cn');
    await waitFor(() =>
      expect(within(screen.getByRole('status')).getByText('etaoche.cn').parentElement?.textContent).toBe('etaoche.cn: Licence expired'),
    );
    expect(results()).toEqual(['京B2-20190486 北京淘车科技有限公司 expired']);
  });

  it('by part of a name, and Escape goes back', async () => {
    renderPopup(null, '2026-11-22', 'en', undefined, await registry());
    lookup('快购');
    await waitFor(() => expect(results()).toEqual(['川B2-20200036 成都快购科技有限公司 expired']));
    lookup('懂车帝');
    await waitFor(() =>
      expect(results()).toEqual(['渝B2-20230001 重庆懂车帝科技有限公司 valid', '渝B2-20210467 重庆万象优车科技有限公司 expired']),
    );
    fireEvent.click(screen.getByRole('button', { name: /渝B2-20230001/ }));
    expect(text()).toContain('This licence lists no domains.');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.getByLabelText('Look up a licence or ICP filing number, domain or company name')).toBeTruthy();
  });

  it('explains what it cannot look up', async () => {
    renderPopup(null, '2026-11-22', 'en', undefined, await registry());
    lookup('???');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Type a licence or ICP filing number (or only its digits), a domain or URL, or part of a company or site name.',
      ),
    );
    lookup('京公网安备 11010802020088号');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Public-security filings (公安备案) are not licences; the registry does not hold them.',
      ),
    );
    // A registry without filings finds none, and says so as for any number it lacks.
    lookup('京ICP备10046444号');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No licence or filing in the registry matches.'));
    lookup('不存在的公司');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No licence or filing in the registry matches.'));
  });
});

describe('a licence the regulator ended, and its lists', () => {
  const ended = memorySource(endedIndex);
  const endedTab = (host: string, findings: Finding[], today = '2026-11-22') => tabView(host, findings, today, endedIndex);
  const listItems = () =>
    [...(screen.getByRole('heading', { name: 'Bad and dishonest operator lists' }).nextElementSibling as HTMLElement).children].map(
      (li) => [li.className, li.textContent],
    );

  it('revoked: what happened, when, who decided and why, in the summary and the detail, with the lists', () => {
    renderPopup(endedTab('www.sugou-shop.cn', [finding('粤B2-20180001')]), '2026-11-22', 'en', undefined, ended);
    expect(heading()).toHaveProperty('textContent', 'Licence revoked or cancelled');
    expect(heading().dataset.verdict).toBe('revoked');
    const summary = heading().closest('section') as HTMLElement;
    expect([...summary.querySelectorAll('p:not([role=status])')].map((p) => p.textContent)).toEqual([
      'Licence no longer in force: www.sugou-shop.cn relies on licence 粤B2-20180001 (深圳市示例速购科技有限公司). Revoked on 2025-03-01 by 广东省通信管理局: 以欺骗手段取得许可',
      'On the list of dishonest telecom operators (失信名单) since 2025-03-01 (decided by: 广东省通信管理局): 被吊销经营许可证',
      "The regulator has ended this licence: it no longer permits the site's services. Do not pay or enter personal data here unless the site holds another licence that is in force.",
    ]);
    const page = text();
    expect(page).toContain('StatusRevoked on 1 March 2025 by 广东省通信管理局: 以欺骗手段取得许可');
    // The dates alone would call it valid; the detail must not.
    expect(page).toContain('Valid until10 May 2028Licensed services');
    expect(page).not.toContain('days left');
    expect(listItems()).toEqual([
      [
        'note on-list',
        'On the list of dishonest telecom operators (失信名单) since 1 March 2025 (decided by: 广东省通信管理局): 被吊销经营许可证',
      ],
      [
        'muted',
        'Was on the list of bad telecom operators (不良名单) from 1 June 2024, removed on 15 January 2025 (decided by: 广东省通信管理局): 未按规定报送年报',
      ],
    ]);
  });

  it('before the revocation took effect the same site is listed, on the bad-operators list', () => {
    renderPopup(endedTab('sugou-shop.cn', [], '2024-12-01'), '2024-12-01', 'en', undefined, ended);
    expect(heading().dataset.verdict).toBe('listed');
    expect(screen.queryByText('Status')).toBeNull();
    expect(text()).toContain('Valid until10 May 2028valid, 1256 days left');
    expect(text()).toContain(
      'On the list of bad telecom operators (不良名单) from 2024-06-01 until 2025-01-15 (decided by: 广东省通信管理局): 未按规定报送年报',
    );
    expect(listItems()).toEqual([
      [
        'note on-list',
        'On the list of bad telecom operators (不良名单) from 1 June 2024 until 15 January 2025 (decided by: 广东省通信管理局): 未按规定报送年报',
      ],
    ]);
  });

  it('an unknown host claiming a cancelled licence that lists no domains', () => {
    renderPopup(endedTab('kuaduqu-tong.com', [finding('B2-20190536')]), '2026-11-22', 'en', undefined, ended);
    expect(heading().dataset.verdict).toBe('revoked');
    expect(text()).toContain(
      'Licence no longer in force: kuaduqu-tong.com relies on licence B2-20190536 (示例跨地区通信有限公司). Cancelled on 2026-06-30 by 工业和信息化部: 经营者申请注销',
    );
    expect(text()).toContain('StatusCancelled on 30 June 2026 by 工业和信息化部: 经营者申请注销');
    expect(text()).toContain('This licence lists no domains.');
  });

  it('in Chinese', () => {
    renderPopup(endedTab('sugou-shop.cn', []), '2026-11-22', 'zh_CN', undefined, ended);
    expect(heading()).toHaveProperty('textContent', '许可证已被吊销或注销');
    const page = text();
    expect(page).toContain(
      '许可证已失效：sugou-shop.cn 所依据的许可证 粤B2-20180001（深圳市示例速购科技有限公司）已被吊销或注销。已于 2025-03-01 被广东省通信管理局吊销，事由：以欺骗手段取得许可',
    );
    expect(page).toContain('状态已于 2025年3月1日 被广东省通信管理局吊销，事由：以欺骗手段取得许可');
    expect(page).toContain('自 2025年3月1日 起列入电信业务经营失信名单（决定机关：广东省通信管理局），事由：被吊销经营许可证');
    expect(page).toContain(
      '曾于 2024年6月1日 列入电信业务经营不良名单，2025年1月15日 移出（决定机关：广东省通信管理局），事由：未按规定报送年报',
    );
  });

  it('the lookup results say which licences were ended and which operators are on a list', async () => {
    renderPopup(null, '2026-11-22', 'en', undefined, ended);
    fireEvent.input(screen.getByLabelText('Look up a licence or ICP filing number, domain or company name'), { target: { value: '示例' } });
    await waitFor(() =>
      expect(
        within(screen.getByRole('status'))
          .queryAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual([
        '粤B2-20180001 深圳市示例速购科技有限公司 revoked · on the dishonest-operators list',
        'B2-20190536 示例跨地区通信有限公司 cancelled',
        '浙B2-20200002 杭州示例优选网络有限公司 valid · on the bad-operators list',
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: /浙B2-20200002/ }));
    expect(text()).toContain('On the list of bad telecom operators (不良名单) since 1 February 2026 (decided by: 浙江省通信管理局)');
    expect(text()).toContain('Valid until2 January 2030valid, 1137 days left');
  });
});

describe('the licence detail', () => {
  it('says so when a licence lists no services', () => {
    const licence = { ...index.licence('川B2-20200036')!, services: [] };
    render(<LicenceDetail licence={licence} today="2026-06-01" copy={() => Promise.resolve()} {...translator('en')} />);
    expect(screen.getByText('Licensed services').nextElementSibling?.textContent).toBe('None listed in the registry.');
  });
});

describe('ICP filings in the popup', () => {
  const filing = (canonical: string, role: Finding['role'] = 'claim', suffix?: string): Finding => ({
    ...finding(canonical, 'icp-filing', `备案号：${canonical}号`, role),
    ...(suffix ? { suffix } : {}),
  });

  it('filed: the filing’s operator, nature, date and sites, this site marked', () => {
    renderPopup(tabView('m.shili-news.cn', [filing('京ICP备12025439', 'claim', '1')], '2026-06-01', filedIndex), '2026-06-01');
    expect(heading()).toHaveProperty('textContent', 'ICP filing only, no licence');
    expect(heading().dataset.verdict).toBe('filed');
    const page = text();
    for (const expected of [
      'ICP filing only: m.shili-news.cn is listed in ICP filing 京ICP备12025439 (北京示例网络科技有限公司). A filing is not an operating licence.',
      'ICP filing (备案), not a licence',
      "Confirm on the regulator's filing system (MIIT)",
      'Operator北京示例网络科技有限公司',
      'Operator type企业',
      'Record updated12 March 2025',
      'shili-news.cn 示例资讯京ICP备12025439-1',
      'shili-bbs.cn 示例社区京ICP备12025439-3',
      '京ICP备12025439-1 ICP filing (not a licence) · in the registry',
    ]) {
      expect(page).toContain(expected);
    }
  });

  it('mismatch: an unknown host claiming a filing that lists other domains, in Chinese too', () => {
    const tab = tabView('shili-news-vip.com', [filing('京ICP备12025439')], '2026-06-01', filedIndex);
    renderPopup(tab, '2026-06-01');
    expect(heading()).toHaveProperty('textContent', 'Borrowed ICP filing number');
    expect(text()).toContain(
      'Warning: this page shows ICP filing number 京ICP备12025439, which 北京示例网络科技有限公司 filed for other domains, not for shili-news-vip.com.',
    );
    cleanup();
    renderPopup(tab, '2026-06-01', 'zh_CN');
    expect(heading()).toHaveProperty('textContent', '冒用他人ICP备案号');
    expect(text()).toContain(
      '警告：本页展示的ICP备案号 京ICP备12025439 是 北京示例网络科技有限公司 为其他域名办理的备案，不包括 shili-news-vip.com。',
    );
  });

  it('a filing number only mentioned in an article, or one the registry lacks, decides nothing', () => {
    renderPopup(
      tabView('news-site.cn', [filing('京ICP备12025439', 'mention'), filing('京ICP备19999999')], '2026-06-01', filedIndex),
      '2026-06-01',
    );
    expect(heading().dataset.verdict).toBe('unlisted');
  });
});

describe.each([
  ['held in memory', () => filedMemoryRegistry],
  ['in the indexed store', () => storedRegistry(filedIndex)],
] as const)('lookup of an ICP filing number, registry %s', (_, registry) => {
  const lookup = (query: string) =>
    fireEvent.input(screen.getByLabelText('Look up a licence or ICP filing number, domain or company name'), { target: { value: query } });
  const results = () =>
    within(screen.getByRole('status'))
      .queryAllByRole('button')
      .map((b) => b.textContent);

  it.each(['京ICP备12025439号-3', '京 ICP 备 12025439 号', '京ICP备12025439-1', '京ICP备：12025439'])(
    'finds the filing from %s',
    async (query) => {
      renderPopup(null, '2026-11-22', 'en', undefined, await registry());
      lookup(query);
      await waitFor(() => expect(results()).toEqual(['京ICP备12025439 北京示例网络科技有限公司 ICP filing only, no licence']));
      fireEvent.click(screen.getByRole('button', { name: /京ICP备12025439/ }));
      expect(text()).toContain('Operator北京示例网络科技有限公司');
      expect(text()).toContain('shili-bbs.cn 示例社区京ICP备12025439-3');
    },
  );

  it('gives filed for a filed domain, and opens a filing found alone straight away', async () => {
    renderPopup(null, '2026-11-22', 'en', '沪ICP备2021012345号', await registry());
    await waitFor(() => expect(screen.getByRole('button', { name: '← Back' })).toBeTruthy());
    expect(text()).toContain('Operator张三');
    cleanup();
    renderPopup(null, '2026-11-22', 'en', undefined, await registry());
    lookup('zhangsan-blog.cn');
    await waitFor(() => expect(results()).toEqual(['沪ICP备2021012345 张三 ICP filing only, no licence']));
    expect(screen.getByRole('status').textContent).toContain('zhangsan-blog.cn: ICP filing only, no licence');
  });
});
