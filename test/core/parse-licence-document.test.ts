import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../core/document/document-error';
import { mergeIssues } from '../../core/document/merge-issues';
import { parseLicenceDocument } from '../../core/document/parse-licence-document';
import { ALL_ISSUES, DONGCHEDI_2023, TAOCHE_2020, WANXIANG_2022, WANXIANG_2026 } from './licence-documents';

const read = (source: string) => readFileSync(new URL(`../../data/licences/${source}`, import.meta.url), 'utf8');

describe('the five licence documents', () => {
  it.each(ALL_ISSUES.map((issue) => [issue.source, issue] as const))('%s: every field', (source, expected) => {
    const { issue, warnings } = parseLicenceDocument(read(source), source);
    expect(issue).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('keeps the newest issue of 渝B2-20210467 current and the older one as history', () => {
    const licences = mergeIssues([WANXIANG_2022, WANXIANG_2026, DONGCHEDI_2023]);
    expect(licences.map((l) => l.number)).toEqual(['渝B2-20210467', '渝B2-20230001']);
    expect(licences[0]).toEqual({
      number: '渝B2-20210467',
      holder: WANXIANG_2026.holder,
      legalRepresentative: '马骏',
      issuedOn: '2026-05-20',
      validUntil: '2026-10-20',
      services: WANXIANG_2026.services,
      sites: WANXIANG_2026.sites,
      history: [
        {
          issuedOn: '2022-10-31',
          validUntil: '2026-10-20',
          holder: '重庆万象优车科技有限公司',
          legalRepresentative: '李飞',
          services: WANXIANG_2022.services,
          sites: WANXIANG_2022.sites,
          source: '001_1f9b954c97a53acf.txt',
        },
      ],
      sources: ['002_7a435923dd1aee64.txt', '001_1f9b954c97a53acf.txt'],
    });
  });
});

describe('recognition noise is repaired in code', () => {
  const base = read('001_1f9b954c97a53acf.txt');

  it('takes the region from another copy of the number when one copy lost it', () => {
    const text = base.replace('经营许可证编号: 渝B2-20210467', '经营许可证编号: ///B2-20210467');
    expect(parseLicenceDocument(text, 'x.txt').issue.number).toBe('渝B2-20210467');
  });

  it('warns when the region of the number does not fit the holder', () => {
    const text = base.replaceAll('渝B2-20210467', '京B2-20210467');
    expect(parseLicenceDocument(text, 'x.txt').warnings).toEqual([
      'x.txt: 经营许可证编号: region 京 does not match the holder 重庆万象优车科技有限公司',
    ]);
  });

  it('restores brackets read as enumeration commas in a company name', () => {
    const text = base.replace('网站接入服务提供单位：中联云港数据科技股份有限公司', '网站接入服务提供单位：中联云港、重庆、股份有限公司');
    expect(parseLicenceDocument(text, 'x.txt').issue.sites[0].accessProvider).toBe('中联云港（重庆）股份有限公司');
  });
});

describe('documents that cannot be read', () => {
  const base = read('003_53fe3f07be8b4b57.txt');
  const failure = (text: string) => {
    try {
      parseLicenceDocument(text, 'bad.txt');
    } catch (error) {
      expect(error).toBeInstanceOf(DocumentError);
      return (error as DocumentError).message;
    }
    throw new Error('expected a DocumentError');
  };

  it.each([
    ['no number', base.replaceAll('京B2-20190486', '京B2-XXXXXXXX'), 'bad.txt: 经营许可证编号: no licence number found'],
    [
      'two numbers',
      base.replace('京B2-20190486', '京B2-20190487'),
      'bad.txt: 经营许可证编号: the document states different numbers: B2-20190487, B2-20190486',
    ],
    ['no holder', base.replace('公司名称：北京淘车科技有限公司', ''), 'bad.txt: 公司名称: missing'],
    ['bad date', base.replace('2020年01月08日', '2020年02月30日'), 'bad.txt: 发证日期: "2020年02月30日" is not a date'],
    [
      'expiry before issue',
      base.replace('2024年03月06日', '2019年03月06日'),
      'bad.txt: 有效期至: 2019-03-06 is not after the issue date 2020-01-08',
    ],
  ])('%s', (_, text, message) => {
    expect(failure(text)).toBe(message);
  });
});

describe('parts of a document that cannot be read are left out, and the rest is used', () => {
  const base = read('003_53fe3f07be8b4b57.txt');
  const problems = (text: string) => {
    const parsed = parseLicenceDocument(text, 'part.txt');
    return { sites: parsed.issue.sites, problems: parsed.problems.map((p) => p.message) };
  };

  it('leaves out a domain that is not one, and the site with it when it has no other', () => {
    expect(problems(base.replace('etaoche.cn', 'etaoche'))).toEqual({
      sites: [],
      problems: ['part.txt: 网站域名/APP域名: "etaoche" is not a domain; left out'],
    });
    const [kept] = problems(base.replace('etaoche.cn', 'etaoche、etaoche.com.cn')).sites;
    expect(kept).toEqual({ ...TAOCHE_2020.sites[0], domain: 'etaoche.com.cn' });
  });

  it('keeps a site without its access provider, and says so', () => {
    expect(problems(base.replace('网站接入服务提供单位：北京世纪互联宽带数据中心有限公司', ''))).toEqual({
      sites: [{ ...TAOCHE_2020.sites[0], accessProvider: '' }],
      problems: ['part.txt: 接入服务提供单位: missing for site "淘车二手车"'],
    });
  });

  it('leaves out a site without a domain, and a site field before any site name', () => {
    expect(problems(base.replace('网站域名：etaoche.cn', ''))).toEqual({
      sites: [],
      problems: ['part.txt: 网站域名/APP域名: missing for site "淘车二手车"; the site is left out'],
    });
    expect(problems(base.replace('网站名称：淘车二手车', ''))).toEqual({
      sites: [],
      problems: [
        'part.txt: 网站域名/APP域名: "网站域名:etaoche.cn" comes before any site name; left out',
        'part.txt: 服务器放置地: "服务器放置地:北京市朝阳区酒仙桥东路1号院5号楼3层" comes before any site name; left out',
        'part.txt: 接入服务提供单位: "网站接入服务提供单位:北京世纪互联宽带数据中心有限公司" comes before any site name; left out',
      ],
    });
  });
});

describe('what was repaired in the seed documents is recorded', () => {
  it.each([
    ['000_4b3bb27f7b78dd11.txt', []],
    ['001_1f9b954c97a53acf.txt', []],
    ['003_53fe3f07be8b4b57.txt', []],
    [
      '002_7a435923dd1aee64.txt',
      [
        [
          'autoengine.com: 服务器放置地',
          '河北省廊坊市安次区云起道与富文道交叉口万国6号数据中心6号数据中心',
          'a line repeating the end of the value dropped',
        ],
        [
          'dongchedi.com: 服务器放置地',
          '河北省廊坊市安次区云起道与富文道交叉口万国6号数据中心6号数据中心',
          'a line repeating the end of the value dropped',
        ],
        ['dcarapi.com: 接入服务提供单位', 'pp store、华为/鸿蒙、荣耀、oppo等应用商城', 'store name that lost its first letter restored'],
      ],
    ],
    [
      '004_8e0e6486c24e04c5.txt',
      [
        ['经营许可证编号', '经营许可证编号: ///B2-20200036', 'region lost; taken from another copy'],
        ['kwaigobuy.com、kwaixiaodian.com: 接入服务提供单位', '腾讯云计算、北京、有限责任公司', 'brackets read as 、 restored'],
      ],
    ],
  ])('%s', (source, expected) => {
    const { repairs } = parseLicenceDocument(read(source), source);
    expect(repairs.map((r) => [r.field, r.seen, r.repair])).toEqual(expected);
  });
});
