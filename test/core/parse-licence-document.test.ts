import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../core/document/document-error';
import { mergeIssues } from '../../core/document/merge-issues';
import { parseLicenceDocument } from '../../core/document/parse-licence-document';
import { ALL_ISSUES, DONGCHEDI_2023, WANXIANG_2022, WANXIANG_2026 } from './licence-documents';

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
    ['bad domain', base.replace('etaoche.cn', 'etaoche'), 'bad.txt: 网站域名/APP域名: "etaoche" is not a domain'],
    [
      'site without access provider',
      base.replace('网站接入服务提供单位：北京世纪互联宽带数据中心有限公司', ''),
      'bad.txt: 接入服务提供单位: missing for site "淘车二手车"',
    ],
  ])('%s', (_, text, message) => {
    expect(failure(text)).toBe(message);
  });
});
