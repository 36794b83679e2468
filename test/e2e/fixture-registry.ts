// The registry the end-to-end tests and the page corpus use: the committed one, plus licences dated
// relative to the day the tests run, so that `listed`, `expiring`, `expired` and `revoked` can be shown
// with the browser's real date.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localToday } from '../../core/dates';
import { RegistrySchema, type Filing, type Licence, type LicenceEnd, type Registry } from '../../core/registry/schema';

interface FixtureLicence {
  number: string;
  holder: string;
  domains: readonly string[];
  daysLeft: number;
  /** Cancelled or revoked this many days before the tests run; the operator is on the dishonest list since. */
  ended?: Pick<LicenceEnd, 'state' | 'authority' | 'reason'> & { daysAgo: number };
}

export const FIXTURE_LICENCES = {
  listed: { number: '沪B2-20250001', holder: '上海测试网络科技有限公司', domains: ['listed-fixture.cn'], daysLeft: 400 },
  expiring: { number: '沪B2-20250002', holder: '上海测试网络科技有限公司', domains: ['expiring-fixture.cn'], daysLeft: 30 },
  // The page corpus (test/corpus): a group whose portal and shop share one licence, its payment company
  // (a cross-regional licence), a video site, a news portal, a map widget provider, a forum whose licence
  // has lapsed, a foreign-invested cloud company close to renewal, and an old licence of the group that
  // still lists the shop.
  group: { number: '浙B2-20250003', holder: '杭州示例网络有限公司', domains: ['shili.cn', 'shili-mall.cn'], daysLeft: 400 },
  payment: { number: 'B2-20250004', holder: '示例支付科技有限公司', domains: ['shili-pay.cn'], daysLeft: 400 },
  video: { number: '沪B2-20250005', holder: '上海示例文化传媒有限公司', domains: ['shili-video.cn'], daysLeft: 200 },
  news: { number: '京B2-20250006', holder: '北京示例资讯有限公司', domains: ['shili-news.cn'], daysLeft: 400 },
  map: { number: '粤B2-20250007', holder: '深圳示例地图有限公司', domains: ['shili-map.cn'], daysLeft: 400 },
  forum: { number: '京B2-20250008', holder: '北京示例论坛有限公司', domains: ['shili-bbs.cn'], daysLeft: -10 },
  cloud: { number: '合字B2-20250011', holder: '示例云（北京）有限公司', domains: ['shili-cloud.cn'], daysLeft: 30 },
  groupOld: { number: '浙B2-20200012', holder: '杭州示例旧网络有限公司', domains: ['shili-mall.cn'], daysLeft: -700 },
  // Ended by the regulators while their dates alone would still call them valid: a shop whose licence was
  // revoked (吊销) and a group-buying site whose licence was cancelled (注销), both still showing the number.
  revoked: {
    number: '粤B2-20250013',
    holder: '深圳示例速购科技有限公司',
    domains: ['sugou-shili.cn'],
    daysLeft: 900,
    ended: { state: 'revoked', daysAgo: 60, authority: '广东省通信管理局', reason: '以欺骗手段取得经营许可' },
  },
  cancelled: {
    number: '苏B2-20250014',
    holder: '南京示例团购网络有限公司',
    domains: ['tuangou-shili.cn'],
    daysLeft: 500,
    ended: { state: 'cancelled', daysAgo: 0, authority: '江苏省通信管理局', reason: '经营者申请注销' },
  },
} as const satisfies Record<string, FixtureLicence>;

/** ICP filings of operators that hold no licence: the page corpus's filed-only blog, copied by a scam page. */
export const FIXTURE_FILINGS: readonly Filing[] = [
  {
    number: '京ICP备2023012345',
    operator: '北京示例小站文化有限公司',
    nature: '企业',
    sites: [
      { number: '京ICP备2023012345-1', name: '示例小站', domain: 'shili-xiaozhan.cn' },
      { number: '京ICP备2023012345-2', name: '示例小站读书', domain: 'shili-dushu.cn' },
    ],
    date: '2025-09-01',
    sources: ['test/e2e/fixture-registry.ts'],
  },
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function fixtureLicence({ number, holder, domains, daysLeft, ended }: FixtureLicence, today: string): Licence {
  const source = 'test/e2e/fixture-registry.ts';
  const endedOn = ended && addDays(today, -ended.daysAgo);
  return {
    number,
    holder,
    legalRepresentative: '测试',
    issuedOn: addDays(today, daysLeft - 5 * 365),
    validUntil: addDays(today, daysLeft),
    services: [{ code: 'B25', name: '信息服务业务', scope: '仅限互联网信息服务', restrictions: '' }],
    sites: domains.map((domain) => ({
      kind: 'website',
      name: '测试网站',
      domain,
      services: ['信息服务业务'],
      serverLocation: '上海市',
      accessProvider: '测试接入',
    })),
    history: [],
    sources: [source],
    ...(ended && endedOn
      ? {
          end: { state: ended.state, on: endedOn, authority: ended.authority, reason: ended.reason, source },
          lists: [{ list: 'dishonest-operators', from: endedOn, authority: ended.authority, reason: ended.reason, source }],
        }
      : {}),
  };
}

export function e2eRegistry(today = localToday()): Registry {
  const committed = RegistrySchema.parse(
    // From the module's own path as a string: under happy-dom, URL objects are not Node's.
    JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../data/registry.json'), 'utf8')),
  );
  const extra = Object.values(FIXTURE_LICENCES).map((f) => fixtureLicence(f, today));
  return RegistrySchema.parse({ ...committed, licences: [...committed.licences, ...extra], filings: FIXTURE_FILINGS });
}
