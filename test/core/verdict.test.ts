import { describe, expect, it } from 'vitest';
import { daysBetween, localToday } from '../../core/dates';
import { RegistryIndex } from '../../core/registry/registry-index';
import type { Filing, Licence, LicenceEnd, Registry } from '../../core/registry/schema';
import { endInForce, licenceStatus } from '../../core/verdict/licence-status';
import { computeVerdict, type VerdictInput } from '../../core/verdict/verdict';

const site = (domain: string) => ({ kind: 'website' as const, name: domain, domain, services: [], serverLocation: '', accessProvider: '' });
const licence = (number: string, validUntil: string, domains: string[]): Licence => ({
  number,
  holder: `${number} 公司`,
  legalRepresentative: '某人',
  issuedOn: '2020-01-01',
  validUntil,
  services: [],
  sites: domains.map(site),
  history: [],
  sources: [],
});

const registry: Registry = {
  schemaVersion: 1,
  version: 1,
  generatedAt: '2026-01-01T00:00:00Z',
  licences: [
    licence('渝B2-20210467', '2026-10-20', ['maichetong.com.cn', 'autoengine.com']),
    licence('京B2-20190486', '2024-03-06', ['etaoche.cn']),
    licence('渝B2-20230001', '2028-12-07', []),
    licence('沪B2-20200001', '2030-01-01', ['shop.example.com']),
    // Two licences list one host: an old one that has lapsed, and its successor.
    licence('浙B2-20150001', '2020-05-01', ['group.example.cn']),
    licence('浙B2-20200002', '2027-01-01', ['group.example.cn', 'pay.example.cn']),
  ],
};
const index = new RegistryIndex(registry);
const verdict = (host: string, shown: string[], today = '2026-06-01') => {
  const input: VerdictInput = { host, claimedLicenceNumbers: shown, index, today };
  const r = computeVerdict(input);
  return [r.verdict, r.licence?.number ?? null, r.matchedDomain, r.daysLeft];
};

describe('verdict table', () => {
  it('listed: host on the registry, more than 90 days left', () => {
    expect(verdict('maichetong.com.cn', [])).toEqual(['listed', '渝B2-20210467', 'maichetong.com.cn', 141]);
  });

  it('expiring: 90 days or fewer left, through the last day', () => {
    expect(verdict('maichetong.com.cn', [], '2026-07-22')).toEqual(['expiring', '渝B2-20210467', 'maichetong.com.cn', 90]);
    expect(verdict('maichetong.com.cn', [], '2026-07-21')[0]).toBe('listed');
    expect(verdict('maichetong.com.cn', [], '2026-10-20')).toEqual(['expiring', '渝B2-20210467', 'maichetong.com.cn', 0]);
  });

  it('expired: the day after validUntil', () => {
    expect(verdict('maichetong.com.cn', [], '2026-10-21')).toEqual(['expired', '渝B2-20210467', 'maichetong.com.cn', -1]);
    expect(verdict('etaoche.cn', ['京B2-20190486'])).toEqual(['expired', '京B2-20190486', 'etaoche.cn', -817]);
  });

  it('mismatch: the page shows a licence that lists other domains only', () => {
    expect(verdict('fraud-shop.com', ['渝B2-20210467'])).toEqual(['mismatch', '渝B2-20210467', null, null]);
  });

  it('claimed: a shown licence lists no domains, so the host cannot be confirmed', () => {
    expect(verdict('dongchedi-shop.com', ['渝B2-20230001'])).toEqual(['claimed', '渝B2-20230001', null, null]);
  });

  it('unknown: a well-formed number the registry does not have', () => {
    expect(verdict('someshop.cn', ['粤B2-20090059'])).toEqual(['unknown', null, null, null]);
  });

  it('unlisted: host not listed and no number shown', () => {
    expect(verdict('someshop.cn', [])).toEqual(['unlisted', null, null, null]);
  });
});

describe('precedence', () => {
  it('the registry decides about a host it lists: a claim of another licence does not change the verdict', () => {
    expect(verdict('maichetong.com.cn', ['京B2-20190486'])).toEqual(['listed', '渝B2-20210467', 'maichetong.com.cn', 141]);
    expect(verdict('maichetong.com.cn', ['京B2-20190486'], '2026-10-01')[0]).toBe('expiring');
    expect(verdict('etaoche.cn', ['渝B2-20210467'])).toEqual(['expired', '京B2-20190486', 'etaoche.cn', -817]);
  });

  it('a claim that disagrees with the registry about a listed host is kept for the popup', () => {
    const r = computeVerdict({
      host: 'www.maichetong.com.cn',
      claimedLicenceNumbers: ['京B2-20190486', '渝B2-20210467', '渝B2-20230001', '粤B2-20090059'],
      index,
      today: '2026-06-01',
    });
    expect(r.verdict).toBe('listed');
    expect(r.disagreeing.map((l) => l.number)).toEqual(['京B2-20190486']);
  });

  it('the best standing decides when several licences list the host', () => {
    expect(verdict('group.example.cn', [])).toEqual(['listed', '浙B2-20200002', 'group.example.cn', 214]);
    expect(verdict('group.example.cn', [], '2026-12-01')).toEqual(['expiring', '浙B2-20200002', 'group.example.cn', 31]);
    expect(verdict('group.example.cn', [], '2027-01-02')).toEqual(['expired', '浙B2-20200002', 'group.example.cn', -1]);
  });

  it('for a host the registry does not know: mismatch before claimed before unknown before unlisted', () => {
    expect(verdict('someshop.cn', ['粤B2-20090059', '渝B2-20230001', '渝B2-20210467'])).toEqual(['mismatch', '渝B2-20210467', null, null]);
    expect(verdict('someshop.cn', ['粤B2-20090059', '渝B2-20230001'])).toEqual(['claimed', '渝B2-20230001', null, null]);
    expect(verdict('someshop.cn', ['粤B2-20090059'])).toEqual(['unknown', null, null, null]);
    expect(verdict('someshop.cn', [])).toEqual(['unlisted', null, null, null]);
  });

  it('a mismatch names the first borrowed licence and keeps the others', () => {
    const r = computeVerdict({
      host: 'fraud.example',
      claimedLicenceNumbers: ['京B2-20190486', '渝B2-20210467'],
      index,
      today: '2026-06-01',
    });
    expect([r.verdict, r.licence?.number, r.disagreeing.map((l) => l.number)]).toEqual(['mismatch', '京B2-20190486', ['渝B2-20210467']]);
  });

  it('a licence without domains is never a mismatch', () => {
    expect(verdict('maichetong.com.cn', ['渝B2-20230001'])[0]).toBe('listed');
    expect(verdict('someshop.cn', ['渝B2-20230001', '粤B2-20090059'])[0]).toBe('claimed');
  });

  it('showing its own number keeps a listed site listed', () => {
    expect(verdict('m.maichetong.com.cn', ['渝B2-20210467'])).toEqual(['listed', '渝B2-20210467', 'maichetong.com.cn', 141]);
  });
});

const ended = (state: LicenceEnd['state'], on: string): LicenceEnd => ({
  state,
  on,
  authority: '广东省通信管理局',
  reason: '以欺骗手段取得许可',
  source: 'status.csv',
});
const withEnd = (l: Licence, end: LicenceEnd): Licence => ({ ...l, end });
const endedIndex = new RegistryIndex({
  ...registry,
  licences: [
    withEnd(
      licence('粤B2-20180001', '2029-01-01', ['gone.example.cn', 'both.example.cn', 'renewed.example.cn']),
      ended('revoked', '2026-03-01'),
    ),
    withEnd(licence('粤B2-20180002', '2029-01-01', ['quit.example.cn']), ended('cancelled', '2026-07-01')),
    withEnd(licence('粤B2-20180003', '2029-01-01', []), ended('revoked', '2026-01-01')),
    withEnd(licence('粤B2-20180004', '2029-01-01', []), ended('cancelled', '2026-12-01')),
    licence('粤B2-20180005', '2025-01-01', ['both.example.cn']),
    licence('粤B2-20180006', '2028-01-01', ['renewed.example.cn']),
    withEnd(licence('粤B2-20180007', '2030-01-01', ['two.example.cn']), ended('revoked', '2026-02-01')),
    withEnd(licence('粤B2-20180008', '2027-01-01', ['two.example.cn']), ended('cancelled', '2026-02-01')),
    licence('粤B2-20180009', '2030-01-01', []),
    licence('粤B2-20180010', '2030-01-01', ['elsewhere.example.cn']),
  ],
});
const endedVerdict = (host: string, shown: string[], today = '2026-06-01') => {
  const r = computeVerdict({ host, claimedLicenceNumbers: shown, index: endedIndex, today });
  return [r.verdict, r.licence?.number ?? null, r.matchedDomain];
};

describe('revoked: a licence the regulator cancelled (注销) or revoked (吊销)', () => {
  it('a revoked licence listing the host gives revoked from its end day on, whatever its validUntil', () => {
    expect(endedVerdict('gone.example.cn', [], '2026-02-28')).toEqual(['listed', '粤B2-20180001', 'gone.example.cn']);
    expect(endedVerdict('gone.example.cn', [], '2026-03-01')).toEqual(['revoked', '粤B2-20180001', 'gone.example.cn']);
    expect(endedVerdict('gone.example.cn', ['粤B2-20180001'])).toEqual(['revoked', '粤B2-20180001', 'gone.example.cn']);
  });

  it('a cancelled licence listing the host gives revoked too, and only once the cancellation takes effect', () => {
    expect(endedVerdict('quit.example.cn', [], '2026-06-30')[0]).toBe('listed');
    expect(endedVerdict('quit.example.cn', [], '2026-07-01')).toEqual(['revoked', '粤B2-20180002', 'quit.example.cn']);
  });

  it('a claim on the page does not undo the registry: a revoked host claiming a valid licence stays revoked', () => {
    const r = computeVerdict({ host: 'gone.example.cn', claimedLicenceNumbers: ['粤B2-20180010'], index: endedIndex, today: '2026-06-01' });
    expect([r.verdict, r.licence?.number, r.disagreeing.map((l) => l.number)]).toEqual(['revoked', '粤B2-20180001', ['粤B2-20180010']]);
  });

  it('best standing when several licences list the host: valid, expiring, expired, then revoked', () => {
    expect(endedVerdict('renewed.example.cn', [])).toEqual(['listed', '粤B2-20180006', 'renewed.example.cn']);
    expect(endedVerdict('renewed.example.cn', [], '2027-11-01')).toEqual(['expiring', '粤B2-20180006', 'renewed.example.cn']);
    // An expired licence stands better than a revoked one, even one whose validUntil is later.
    expect(endedVerdict('both.example.cn', [])).toEqual(['expired', '粤B2-20180005', 'both.example.cn']);
    expect(endedVerdict('renewed.example.cn', [], '2028-01-02')).toEqual(['expired', '粤B2-20180006', 'renewed.example.cn']);
  });

  it('between two ended licences, the later validUntil decides, cancelled or revoked alike', () => {
    expect(endedVerdict('two.example.cn', [])).toEqual(['revoked', '粤B2-20180007', 'two.example.cn']);
  });

  it('an unknown host claiming an ended licence that lists no domains gets revoked', () => {
    expect(endedVerdict('shop.example.net', ['粤B2-20180003'])).toEqual(['revoked', '粤B2-20180003', null]);
    expect(endedVerdict('shop.example.net', ['粤B2-20180003'], '2025-12-31')).toEqual(['claimed', '粤B2-20180003', null]);
  });

  it('a cancellation dated after today leaves the claim as claimed', () => {
    expect(endedVerdict('shop.example.net', ['粤B2-20180004'])).toEqual(['claimed', '粤B2-20180004', null]);
    expect(endedVerdict('shop.example.net', ['粤B2-20180004'], '2026-12-01')).toEqual(['revoked', '粤B2-20180004', null]);
  });

  it('for an unknown host: mismatch before revoked before claimed before unknown', () => {
    // An ended licence that lists other domains is still somebody else's number: mismatch.
    expect(endedVerdict('shop.example.net', ['粤B2-20180001'])).toEqual(['mismatch', '粤B2-20180001', null]);
    expect(endedVerdict('shop.example.net', ['粤B2-20180003', '粤B2-20180010'])).toEqual(['mismatch', '粤B2-20180010', null]);
    expect(endedVerdict('shop.example.net', ['粤B2-20180009', '粤B2-20180003'])).toEqual(['revoked', '粤B2-20180003', null]);
    expect(endedVerdict('shop.example.net', ['粤B2-20990001', '粤B2-20180009'])).toEqual(['claimed', '粤B2-20180009', null]);
  });
});

describe('host matching', () => {
  it('covers subdomains through the registrable domain', () => {
    expect(verdict('m.maichetong.com.cn', [])[2]).toBe('maichetong.com.cn');
    expect(verdict('WWW.AutoEngine.com.', [])[2]).toBe('autoengine.com');
  });

  it('does not cover a look-alike under another registrable domain', () => {
    expect(verdict('maichetong.com.cn.evil.com', [])[0]).toBe('unlisted');
    expect(verdict('maichetong.com.cn.evil.com', ['渝B2-20210467'])[0]).toBe('mismatch');
    expect(verdict('evilmaichetong.com.cn', [])[0]).toBe('unlisted');
  });

  it('matches a listed subdomain exactly but not its siblings', () => {
    expect(verdict('shop.example.com', [])[0]).toBe('listed');
    expect(verdict('www.example.com', [])[0]).toBe('unlisted');
  });
});

describe('verdict table with ICP filings in the registry', () => {
  const filing = (number: string, operator: string, domains: string[], date = '2024-01-01'): Filing => ({
    number,
    operator,
    nature: '企业',
    sites: domains.map((domain, i) => ({ number: `${number}-${i + 1}`, name: domain, domain })),
    date,
    sources: ['filings.jsonl'],
  });
  const withFilings = new RegistryIndex({
    ...registry,
    filings: [
      filing('京ICP备12025439', '北京某某科技有限公司', ['someone-blog.cn', 'someone-news.cn']),
      filing('沪ICP备20001234', '张三', ['zhangsan.cn']),
      // A host that a licence lists and a filing too: the licence decides.
      filing('渝ICP备21000001', '重庆某公司', ['maichetong.com.cn']),
      filing('粤ICP备19000001', '旧主办者', ['moved.cn'], '2020-01-01'),
      filing('粤ICP备23000001', '新主办者', ['moved.cn'], '2023-06-01'),
    ],
  });
  const run = (host: string, licences: string[], filings: string[], idx = withFilings) =>
    computeVerdict({ host, claimedLicenceNumbers: licences, claimedFilingNumbers: filings, index: idx, today: '2026-06-01' });
  const row = (r: ReturnType<typeof run>) => [r.verdict, r.licence?.number ?? null, r.filing?.number ?? null, r.matchedDomain];

  it('filed: no licence lists the host, a filing does (itself or its registrable domain), the latest filing first', () => {
    expect(row(run('someone-blog.cn', [], []))).toEqual(['filed', null, '京ICP备12025439', 'someone-blog.cn']);
    expect(row(run('m.zhangsan.cn', [], ['沪ICP备20001234']))).toEqual(['filed', null, '沪ICP备20001234', 'zhangsan.cn']);
    expect(row(run('moved.cn', [], []))).toEqual(['filed', null, '粤ICP备23000001', 'moved.cn']);
  });

  it('a licence listing the host outranks a filing listing it, and the page cannot change either', () => {
    expect(row(run('maichetong.com.cn', [], []))).toEqual(['listed', '渝B2-20210467', null, 'maichetong.com.cn']);
    const filed = run('zhangsan.cn', ['渝B2-20210467'], ['京ICP备12025439']);
    expect(row(filed)).toEqual(['filed', null, '沪ICP备20001234', 'zhangsan.cn']);
    expect(filed.disagreeing.map((l) => l.number)).toEqual(['渝B2-20210467']);
    expect(filed.disagreeingFilings.map((f) => f.number)).toEqual(['京ICP备12025439']);
  });

  it('mismatch: an unknown host claims a filing number that lists other domains', () => {
    expect(row(run('fraud-shop.com', [], ['京ICP备12025439']))).toEqual(['mismatch', null, '京ICP备12025439', null]);
  });

  it('a claimed licence listing other domains is the mismatch named before a claimed filing', () => {
    expect(row(run('fraud-shop.com', ['渝B2-20210467'], ['京ICP备12025439']))).toEqual(['mismatch', '渝B2-20210467', null, null]);
  });

  it('a borrowed filing outranks a claimed licence that lists no domains, and one the registry lacks', () => {
    expect(row(run('fraud-shop.com', ['渝B2-20230001', '京B2-20990001'], ['京ICP备12025439']))).toEqual([
      'mismatch',
      null,
      '京ICP备12025439',
      null,
    ]);
  });

  it('a filing number the registry lacks changes nothing', () => {
    expect(row(run('fraud-shop.com', [], ['京ICP备19999999']))).toEqual(['unlisted', null, null, null]);
    expect(row(run('fraud-shop.com', ['渝B2-20230001'], ['京ICP备19999999']))).toEqual(['claimed', '渝B2-20230001', null, null]);
    expect(row(run('fraud-shop.com', ['京B2-20990001'], ['京ICP备19999999']))).toEqual(['unknown', null, null, null]);
  });

  it('a registry without filings decides exactly as before, whatever filing numbers the page claims', () => {
    for (const [host, licences] of [
      ['fraud-shop.com', []],
      ['fraud-shop.com', ['渝B2-20210467']],
      ['maichetong.com.cn', []],
      ['someone-blog.cn', ['渝B2-20230001']],
    ] as [string, string[]][]) {
      const before = computeVerdict({ host, claimedLicenceNumbers: licences, index, today: '2026-06-01' });
      expect(run(host, licences, ['京ICP备12025439'], index)).toEqual(before);
    }
  });
});

describe('dates', () => {
  it('counts whole calendar days in any time zone', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-10-20', '2026-10-20')).toBe(0);
    expect(licenceStatus({ validUntil: '2026-10-20' }, '2026-11-22')).toEqual({ status: 'expired', daysLeft: -33 });
  });

  it('takes a cancellation or revocation from its own day on, counting days to validUntil all the same', () => {
    const revoked = { validUntil: '2026-10-20', end: ended('revoked', '2026-03-01') };
    expect(licenceStatus(revoked, '2026-02-28')).toEqual({ status: 'valid', daysLeft: 234 });
    expect(licenceStatus(revoked, '2026-03-01')).toEqual({ status: 'revoked', daysLeft: 233 });
    expect(endInForce(revoked, '2026-02-28')).toBeNull();
    expect(endInForce(revoked, '2026-03-01')?.authority).toBe('广东省通信管理局');
    // Cancelled after it had lapsed: what the regulator decided is the last word.
    expect(licenceStatus({ validUntil: '2024-01-01', end: ended('cancelled', '2025-01-01') }, '2026-01-01').status).toBe('cancelled');
  });

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
    expect(localToday(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});
