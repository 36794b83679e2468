import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../core/document/document-error';
import { buildRegistry } from '../../core/registry/build-registry';
import { reviewReport } from '../../core/registry/review-report';
import { CORPUS } from './licence-corpus';

const folder = (name: string) => new URL(`../${name}/`, import.meta.url);
const documentsIn = (url: URL) =>
  readdirSync(url)
    .sort()
    .map((source) => ({ source, text: readFileSync(new URL(source, url), 'utf8') }));
const seeds = documentsIn(new URL('../../data/licences/', import.meta.url));
const corpus = documentsIn(folder('fixtures/documents'));
const meta = { version: 7, generatedAt: '2026-11-22T00:00:00Z' };

const taoche = seeds.find((d) => d.source === '003_53fe3f07be8b4b57.txt') as { source: string; text: string };
const unreadable = {
  source: 'bad-date.txt',
  text: taoche.text.replace('2020年01月08日', '2020年X1月08日').replaceAll('京B2-20190486', '京B2-20190999'),
};
const partlyReadable = { source: 'bad-domain.txt', text: taoche.text.replace('etaoche.cn', 'etaoche') };

describe('building a registry from documents', () => {
  it('uses every document of the seeds and the corpus, with the repairs of each licence', () => {
    const { registry, outcomes, warnings } = buildRegistry([...seeds, ...corpus], meta);
    expect(warnings).toEqual([]);
    expect(outcomes.filter((o) => o.status !== 'used')).toEqual([]);
    expect(registry.licences).toHaveLength(4 + CORPUS.length);
    const beijing = registry.licences.find((l) => l.number === '京B2-20231187');
    expect(beijing?.repairs).toEqual(CORPUS[0].repairs.map((r) => ({ source: '01-beijing-numbered-list.txt', ...r })));
    expect(registry.licences.find((l) => l.number === '沪B2-20220356')).not.toHaveProperty('repairs');
  });

  it('refuses a document that cannot be read, names it and why, and builds from the others', () => {
    const { registry, outcomes } = buildRegistry([unreadable, ...seeds], meta);
    expect(outcomes[0]).toEqual({ source: 'bad-date.txt', status: 'refused', problems: [expect.any(DocumentError)] });
    expect(outcomes[0].problems[0].message).toBe('bad-date.txt: 发证日期: "2020年X1月08日" is not a date');
    expect(outcomes.slice(1).map((o) => o.status)).toEqual(['used', 'used', 'used', 'used', 'used']);
    expect(registry.licences.map((l) => l.number)).toEqual(['京B2-20190486', '川B2-20200036', '渝B2-20210467', '渝B2-20230001']);
  });

  it('uses what it can of a document with parts that cannot be read', () => {
    const { registry, outcomes } = buildRegistry([partlyReadable], meta);
    expect(outcomes.map((o) => [o.source, o.status, o.problems.map((p) => p.message)])).toEqual([
      ['bad-domain.txt', 'partly used', ['bad-domain.txt: 网站域名/APP域名: "etaoche" is not a domain; left out']],
    ]);
    expect(registry.licences.map((l) => [l.number, l.sites.length])).toEqual([['京B2-20190486', 0]]);
  });

  it('refuses the later of two documents of one issue that disagree, and keeps the first', () => {
    const altered = { source: 'z-copy.txt', text: taoche.text.replace('法定代表人：王剑炜', '法定代表人：张三') };
    const { registry, outcomes } = buildRegistry([taoche, altered], meta);
    expect(outcomes.map((o) => [o.source, o.status, o.problems.map((p) => p.message)])).toEqual([
      ['003_53fe3f07be8b4b57.txt', 'used', []],
      [
        'z-copy.txt',
        'refused',
        ['003_53fe3f07be8b4b57.txt and z-copy.txt: legalRepresentative: both are the issue of 2020-01-08 of 京B2-20190486 but disagree'],
      ],
    ]);
    expect(registry.licences[0]).toMatchObject({ legalRepresentative: '王剑炜', sources: ['003_53fe3f07be8b4b57.txt'] });
  });

  it('stops at the first problem when strict', () => {
    expect(() => buildRegistry([...seeds, unreadable], meta, { strict: true })).toThrow(
      'bad-date.txt: 发证日期: "2020年X1月08日" is not a date',
    );
    expect(() => buildRegistry([partlyReadable], meta, { strict: true })).toThrow(
      'bad-domain.txt: 网站域名/APP域名: "etaoche" is not a domain; left out',
    );
    expect(() =>
      buildRegistry([taoche, { ...taoche, source: 'z.txt', text: taoche.text.replace('王剑炜', '张三') }], meta, { strict: true }),
    ).toThrow(DocumentError);
  });
});

describe('the review report', () => {
  it('lists refused documents, parts left out and every repaired value with its licence number', () => {
    const kuaigou = seeds.find((d) => d.source === '004_8e0e6486c24e04c5.txt') as { source: string; text: string };
    const { registry, outcomes } = buildRegistry([unreadable, partlyReadable, kuaigou], meta);
    expect(reviewReport(registry, outcomes)).toBe(
      [
        '# Registry build review',
        '',
        '3 documents: 1 used, 1 partly used, 1 refused.',
        '',
        '## Refused documents',
        '',
        '- bad-date.txt: 发证日期: "2020年X1月08日" is not a date',
        '',
        '## Partly used documents: parts left out',
        '',
        '- bad-domain.txt: 网站域名/APP域名: "etaoche" is not a domain; left out',
        '',
        '## Repaired or inferred values',
        '',
        '| number | document | field | value | seen in the scan | repair |',
        '|---|---|---|---|---|---|',
        '| 川B2-20200036 | 004_8e0e6486c24e04c5.txt | 经营许可证编号 | 川B2-20200036 | 经营许可证编号: ///B2-20200036 | region lost; taken from another copy |',
        '| 川B2-20200036 | 004_8e0e6486c24e04c5.txt | kwaigobuy.com、kwaixiaodian.com: 接入服务提供单位 | 腾讯云计算（北京）有限责任公司 | 腾讯云计算、北京、有限责任公司 | brackets read as 、 restored |',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing was repaired', () => {
    const { registry, outcomes } = buildRegistry([taoche], meta);
    expect(reviewReport(registry, outcomes)).toBe(
      '# Registry build review\n\n1 documents: 1 used, 0 partly used, 0 refused.\n\n## Repaired or inferred values\n\nNone.\n',
    );
  });
});
