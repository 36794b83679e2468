import { describe, expect, it } from 'vitest';
import { daysBetween, localToday } from '../../core/dates';
import { RegistryIndex } from '../../core/registry/registry-index';
import type { Licence, Registry } from '../../core/registry/schema';
import { licenceStatus } from '../../core/verdict/licence-status';
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

describe('dates', () => {
  it('counts whole calendar days in any time zone', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-10-20', '2026-10-20')).toBe(0);
    expect(licenceStatus({ validUntil: '2026-10-20' }, '2026-11-22')).toEqual({ status: 'expired', daysLeft: -33 });
  });

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
    expect(localToday(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});
