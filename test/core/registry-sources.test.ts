import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../core/registry/merge-sources';
import { RegistrySchema } from '../../core/registry/schema';
import { readAnswer, readAnswerLine } from '../../core/sources/read-answer';
import { fileKind } from '../../core/sources/source-kind';
import { noRecords, type SourceRecords } from '../../core/sources/source-records';
import { readStatusList } from '../../core/sources/status-list';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
const documentLicences = RegistrySchema.parse(
  JSON.parse(readFileSync(new URL('../../data/registry.json', import.meta.url), 'utf8')),
).licences;

/** Reads the fixture files as the build does, each by the kind its content says. */
function readFixtures(names: string[]): SourceRecords {
  const records = noRecords();
  for (const name of names) {
    const text = fixture(name);
    const kind = fileKind(text);
    if (kind === 'json') readAnswer(JSON.parse(text), name, name, records);
    else if (kind === 'json-lines') for (const [i, line] of text.split('\n').entries()) readAnswerLine(line, name, i + 1, records);
    else if (kind === 'status-list') records.statuses.push(...readStatusList(text, name, records.problems));
    else throw new Error(`${name}: ${kind}`);
  }
  return records;
}

const ALL = ['licence-answers.json', 'licence-answers.jsonl', 'filings.jsonl', 'authorisations.json', 'status-list.csv'];

describe('reading the regulator’s records', () => {
  it('recognises each file’s kind from its content', () => {
    expect(ALL.map((name) => fileKind(fixture(name)))).toEqual(['json', 'json-lines', 'json-lines', 'json', 'status-list']);
    expect(fileKind(readFileSync(new URL('../../data/licences/001_1f9b954c97a53acf.txt', import.meta.url), 'utf8'))).toBe(
      'licence-document',
    );
    expect(fileKind('name,domain\nexample,example.cn\n')).toBeNull();
    expect(fileKind('{"listyj": []}')).toBe('json');
  });

  it('reads licence query answers with full-width numbers, spaced names and three date spellings', () => {
    const records = readFixtures(['licence-answers.json']);
    expect(records.licences).toEqual([
      {
        number: '京B2-20190486',
        holder: '北京淘车科技有限公司',
        legalRepresentative: '王剑炜',
        authority: '北京市通信管理局',
        services: [{ code: 'B25', name: '信息服务业务', scope: '仅限互联网信息服务', restrictions: '', coverage: '北京市' }],
        issuedOn: '2024-03-01',
        validUntil: '2029-03-06',
        date: '2024-03-01',
        source: 'licence-answers.json',
      },
      {
        number: '粤B2-20220415',
        holder: '广州云帆网络科技有限公司',
        legalRepresentative: '陈 晓 东',
        authority: '广东省通信管理局',
        services: [
          { code: 'B21', name: '在线数据处理与交易处理业务', scope: '仅限经营类电子商务', restrictions: '', coverage: '广东省' },
          { code: 'B25', name: '信息服务业务', scope: '仅限互联网信息服务', restrictions: '不含信息搜索查询服务', coverage: '广东省' },
        ],
        issuedOn: '2022-06-08',
        validUntil: '2027-06-08',
        date: '2022-06-08',
        source: 'licence-answers.json',
      },
    ]);
    expect(records.problems).toEqual([
      {
        source: 'licence-answers.json',
        at: 'licence-answers.json[1] listyj[1]',
        problem: 'licence number (license_no) "不详" is not a number of the expected kind',
      },
    ]);
  });

  it('reads JSON Lines answer by answer, reporting a bad date and a line that is not JSON with their lines', () => {
    const records = readFixtures(['licence-answers.jsonl']);
    expect(records.licences.map((l) => [l.number, l.holder, l.legalRepresentative, l.issuedOn, l.validUntil])).toEqual([
      ['粤B2-20220415', '广州云帆网络科技有限公司', '陈晓东', '2022-06-08', '2027-06-08'],
      ['浙B2-20180233', '杭州青禾数据服务有限公司', '周敏', '2023-02-14', '2028-02-14'],
    ]);
    expect(records.problems).toEqual([
      {
        source: 'licence-answers.jsonl',
        at: 'licence-answers.jsonl:3 listyj[0]',
        problem: '浙B2-20180233: service 1 valid until (jzrq) "2028-02-31" is not a date',
      },
      { source: 'licence-answers.jsonl', at: 'licence-answers.jsonl:4', problem: expect.stringMatching(/^is not JSON \(/) },
    ]);
  });

  it('reads filings: main and site numbers in any spelling, domains lower-cased, mismatched numbers refused', () => {
    const records = readFixtures(['filings.jsonl']);
    expect(records.filings[0]).toEqual({
      operator: '广州云帆网络科技有限公司',
      nature: '企业',
      main: { kind: 'licence', canonical: '粤B2-20220415' },
      siteNumber: '粤B2-20220415-1',
      siteName: '云帆商城',
      domain: 'yunfan-mall.cn',
      date: '2024-05-06',
      source: 'filings.jsonl',
    });
    expect(records.filings.map((f) => [f.main.canonical, f.siteNumber, f.domain, f.nature])).toEqual([
      ['粤B2-20220415', '粤B2-20220415-1', 'yunfan-mall.cn', '企业'],
      ['粤B2-20220415', '粤B2-20220415-2', 'm.yunfan-mall.cn', '企业'],
      ['京B2-20190486', '京B2-20190486-1', 'etaoche.cn', '企业'],
      ['京B2-20190486', '京B2-20190486-2', 'taoche-news.cn', '企业'],
      ['粤B2-20190077', '粤B2-20190077-3', 'xinglian-pay.cn', '企业'],
      ['浙ICP备18022233', '浙ICP备18022233-1', 'qinghe-zhan.cn', '企业'],
      ['京ICP备20001234', '京ICP备20001234-1', 'zhangsan-blog.cn', '个人'],
    ]);
    expect(records.problems.map((p) => [p.at, p.problem])).toEqual([
      ['filings.jsonl:3 params.list[3]', 'site number (serviceLicence) 浙ICP备18022233 is not under the main number 粤B2-20220415'],
      ['filings.jsonl:3 params.list[4]', 'domain "not a domain" is not a domain'],
    ]);
  });

  it('reads a status list with quoted fields, three date spellings, and an unknown type reported by line', () => {
    const records = readFixtures(['status-list.csv']);
    expect(records.statuses.map((s) => [s.number, s.change, s.date, s.authority, s.reason])).toEqual([
      ['粤B2-20220415', 'entered-bad-operators', '2024-07-01', '广东省通信管理局', '未按规定报送年报'],
      ['粤B2-20220415', 'left-bad-operators', '2025-01-15', '广东省通信管理局', '已整改'],
      ['浙B2-20180233', 'revoked', '2025-09-30', '浙江省通信管理局', '违规经营, 情节严重'],
      ['川B2-20200036', 'cancelled', '2025-02-10', '四川省通信管理局', '许可证到期未续'],
      ['京B2-20190486', 'left-dishonest-operators', '2024-01-01', '北京市通信管理局', '无'],
      ['沪B2-20990001', 'revoked', '2024-01-01', '上海市通信管理局', '不存在的许可证'],
    ]);
    expect(records.problems).toEqual([
      { source: 'status-list.csv', at: 'status-list.csv:8', problem: expect.stringContaining('类型 "警告" is none of 注销, 吊销') },
    ]);
  });
});

describe('merging documents and records into one licence per number', () => {
  const { licences, filings, report } = mergeSources(documentLicences, readFixtures(ALL));
  const licence = (number: string) => licences.find((l) => l.number === number);

  it('gives a licence known only from query answers its holder, representative, services and dates, once', () => {
    expect(licence('粤B2-20220415')).toEqual({
      number: '粤B2-20220415',
      holder: '广州云帆网络科技有限公司',
      // The two answers disagree on the spacing; same date, so the later-read one is kept and reported.
      legalRepresentative: '陈晓东',
      issuedOn: '2022-06-08',
      validUntil: '2027-06-08',
      authority: '广东省通信管理局',
      services: [
        { code: 'B21', name: '在线数据处理与交易处理业务', scope: '仅限经营类电子商务', restrictions: '', coverage: '广东省' },
        { code: 'B25', name: '信息服务业务', scope: '仅限互联网信息服务', restrictions: '不含信息搜索查询服务', coverage: '广东省' },
      ],
      sites: [
        {
          kind: 'website',
          name: '云帆商城',
          domain: 'yunfan-mall.cn',
          services: [],
          serverLocation: '',
          accessProvider: '',
          filingNumber: '粤B2-20220415-1',
        },
        {
          kind: 'website',
          name: '云帆商城移动版',
          domain: 'm.yunfan-mall.cn',
          services: [],
          serverLocation: '',
          accessProvider: '',
          filingNumber: '粤B2-20220415-2',
        },
      ],
      history: [],
      sources: ['licence-answers.json', 'licence-answers.jsonl', 'filings.jsonl', 'status-list.csv'],
      lists: [
        {
          list: 'bad-operators',
          from: '2024-07-01',
          until: '2025-01-15',
          authority: '广东省通信管理局',
          reason: '未按规定报送年报',
          source: 'status-list.csv',
        },
      ],
      // An equal value keeps the first source that stated it; the disagreeing one names the source it came from.
      provenance: [
        { source: 'licence-answers.json', date: '2022-06-08', fields: ['holder', 'issuedOn', 'validUntil', 'services', 'authority'] },
        { source: 'licence-answers.jsonl', date: '2022-06-08', fields: ['legalRepresentative'] },
      ],
    });
    expect(report.disagreements).toContain(
      '粤B2-20220415 legalRepresentative: "陈 晓 东" (licence-answers.json, 2022-06-08) and "陈晓东" (licence-answers.jsonl, 2022-06-08); kept the latter',
    );
  });

  it('lets a newer query answer renew a licence from a document, keeping the document’s issue as history and its sites', () => {
    const taoche = licence('京B2-20190486');
    const fromDocument = documentLicences.find((l) => l.number === '京B2-20190486')!;
    expect(taoche).toMatchObject({
      holder: '北京淘车科技有限公司',
      issuedOn: '2024-03-01',
      validUntil: '2029-03-06',
      authority: '北京市通信管理局',
    });
    expect(taoche?.history[0]).toMatchObject({
      issuedOn: fromDocument.issuedOn,
      validUntil: fromDocument.validUntil,
      source: '003_53fe3f07be8b4b57.txt',
    });
    expect(taoche?.sites.map((s) => [s.domain, s.filingNumber, s.serverLocation !== ''])).toEqual([
      ['etaoche.cn', '京B2-20190486-1', true],
      ['taoche-news.cn', '京B2-20190486-2', false],
    ]);
    // The newer answer states the same holder and representative: they are credited to it too.
    expect(taoche?.provenance).toEqual([
      {
        source: 'licence-answers.json',
        date: '2024-03-01',
        fields: ['holder', 'legalRepresentative', 'issuedOn', 'validUntil', 'services', 'authority'],
      },
    ]);
    expect(report.disagreements).toContain(
      '京B2-20190486 validUntil: "2024-03-06" (003_53fe3f07be8b4b57.txt, 2020-01-08) and "2029-03-06" (licence-answers.json, 2024-03-01); kept the latter',
    );
  });

  it('counts an authorised subsidiary’s filed sites as the licence’s, and records its end', () => {
    const qinghe = licence('浙B2-20180233');
    expect(qinghe?.authorised).toEqual([
      { company: '杭州青禾科技有限公司', services: ['信息服务业务(仅限互联网信息服务)'], source: 'authorisations.json' },
    ]);
    expect(qinghe?.sites).toEqual([
      {
        kind: 'website',
        name: '青禾小站',
        domain: 'qinghe-zhan.cn',
        services: [],
        serverLocation: '',
        accessProvider: '',
        filingNumber: '浙ICP备18022233-1',
        operator: '杭州青禾科技有限公司',
      },
    ]);
    expect(qinghe?.end).toEqual({
      state: 'revoked',
      on: '2025-09-30',
      authority: '浙江省通信管理局',
      reason: '违规经营, 情节严重',
      source: 'status-list.csv',
    });
    expect(licence('川B2-20200036')?.end).toMatchObject({ state: 'cancelled', on: '2025-02-10' });
  });

  it('never makes a licence from a filing alone, and says what it read, used, left and refused per source', () => {
    expect(licence('粤B2-20190077')).toBeUndefined();
    expect(licences.map((l) => l.number)).toEqual([
      '京B2-20190486',
      '川B2-20200036',
      '浙B2-20180233',
      '渝B2-20210467',
      '渝B2-20230001',
      '粤B2-20220415',
    ]);
    expect(Object.fromEntries(report.counts)).toEqual({
      'licence-answers.json': { read: 3, used: 2, unused: 0, refused: 1 },
      'licence-answers.jsonl': { read: 4, used: 2, unused: 0, refused: 2 },
      'filings.jsonl': { read: 9, used: 6, unused: 1, refused: 2 },
      'authorisations.json': { read: 2, used: 1, unused: 0, refused: 1 },
      'status-list.csv': { read: 7, used: 4, unused: 0, refused: 3 },
    });
    expect(report.refusals.map((r) => r.problem)).toEqual([
      'authorisation of 某子公司 under 沪B2-20990001: no source describes that licence',
      '2024-01-01 left-dishonest-operators: not on the 失信名单, so it cannot leave it',
      '2024-01-01 revoked: 沪B2-20990001 (某公司): no source describes that licence',
    ]);
  });

  it('keeps filings under a filing number (备案号) as filings, an authorised company’s too, each site with its own number', () => {
    expect(filings).toEqual([
      {
        number: '京ICP备20001234',
        operator: '张三',
        nature: '个人',
        sites: [{ number: '京ICP备20001234-1', name: '张三的博客', domain: 'zhangsan-blog.cn' }],
        date: '2022-08-15',
        sources: ['filings.jsonl'],
      },
      {
        number: '浙ICP备18022233',
        operator: '杭州青禾科技有限公司',
        nature: '企业',
        sites: [{ number: '浙ICP备18022233-1', name: '青禾小站', domain: 'qinghe-zhan.cn' }],
        date: '2024-01-10',
        sources: ['filings.jsonl'],
      },
    ]);
    // The authorised company's site still serves the licence that authorised it.
    expect(licence('浙B2-20180233')?.sites.map((s) => s.filingNumber)).toContain('浙ICP备18022233-1');
  });

  it('takes a filing’s operator from its latest record, and a domain filed again once, with its latest number', () => {
    const record = (date: string, operator: string, site: string, domain: string) => ({
      operator,
      nature: '企业',
      main: { kind: 'icp-filing' as const, canonical: '京ICP备12025439' },
      siteNumber: `京ICP备12025439-${site}`,
      siteName: `站${site}`,
      domain,
      date,
      source: `${date}.json`,
    });
    const merged = mergeSources([], {
      ...readFixtures([]),
      filings: [
        record('2024-05-01', '新名称有限公司', '3', 'a.cn'),
        record('2023-01-01', '旧名称有限公司', '1', 'a.cn'),
        record('2023-02-01', '旧名称有限公司', '2', 'b.cn'),
      ],
    });
    expect(merged.filings).toEqual([
      {
        number: '京ICP备12025439',
        operator: '新名称有限公司',
        nature: '企业',
        sites: [
          { number: '京ICP备12025439-2', name: '站2', domain: 'b.cn' },
          { number: '京ICP备12025439-3', name: '站3', domain: 'a.cn' },
        ],
        date: '2024-05-01',
        sources: ['2023-01-01.json', '2023-02-01.json', '2024-05-01.json'],
      },
    ]);
  });

  it('passes the registry schema', () => {
    expect(() =>
      RegistrySchema.parse({ schemaVersion: 1, version: 2, generatedAt: '2026-11-22T00:00:00Z', licences, filings }),
    ).not.toThrow();
  });
});
