import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../core/registry/build-registry';
import { RegistryIndex } from '../../core/registry/registry-index';
import { RegistrySchema, registryJsonSchema } from '../../core/registry/schema';

const dataUrl = (name: string) => new URL(`../../data/${name}`, import.meta.url);
const committed = JSON.parse(readFileSync(dataUrl('registry.json'), 'utf8'));
const documents = readdirSync(dataUrl('licences'))
  .sort()
  .map((source) => ({ source, text: readFileSync(dataUrl(`licences/${source}`), 'utf8') }));

describe('the bundled registry', () => {
  it('is what the documents in data/licences build to', () => {
    const { registry, warnings } = buildRegistry(documents, { version: committed.version, generatedAt: committed.generatedAt });
    expect(warnings).toEqual([]);
    expect(committed).toEqual(registry);
  });

  it('holds the four licences of the five documents', () => {
    const registry = RegistrySchema.parse(committed);
    expect(registry.licences.map((l) => [l.number, l.sources.length, l.history.length])).toEqual([
      ['京B2-20190486', 1, 0],
      ['川B2-20200036', 1, 0],
      ['渝B2-20210467', 2, 1],
      ['渝B2-20230001', 1, 0],
    ]);
  });

  it('has its published JSON Schema committed and current', () => {
    expect(JSON.parse(readFileSync(dataUrl('registry.schema.json'), 'utf8'))).toEqual(registryJsonSchema());
  });
});

describe('the registry schema', () => {
  const valid = structuredClone(committed);
  const broken = (change: (r: typeof valid) => void) => {
    const copy = structuredClone(valid);
    change(copy);
    return RegistrySchema.safeParse(copy).success;
  };

  const filing = () => ({
    number: '京ICP备20001234',
    operator: '张三',
    nature: '个人',
    sites: [{ number: '京ICP备20001234-1', name: '张三的博客', domain: 'zhangsan-blog.cn' }],
    date: '2022-08-15',
    sources: ['filings.jsonl'],
  });

  it('accepts the bundled registry and fields it does not know', () => {
    expect(broken(() => {})).toBe(true);
    expect(broken((r) => (r.licences[0].publisherNote = 'extra'))).toBe(true);
  });

  it('accepts filings, and a registry without them', () => {
    expect(broken((r) => (r.filings = [filing()]))).toBe(true);
    expect(broken((r) => (r.filings = []))).toBe(true);
  });

  it.each<[string, (r: typeof valid) => unknown]>([
    ['a non-canonical number', (r: typeof valid) => (r.licences[0].number = '京b2 20190486')],
    ['a filing number as licence', (r: typeof valid) => (r.licences[0].number = '京ICP备10046444')],
    ['a duplicate number', (r: typeof valid) => (r.licences[1].number = r.licences[0].number)],
    ['an impossible date', (r: typeof valid) => (r.licences[0].validUntil = '2024-02-30')],
    ['an upper-case domain', (r: typeof valid) => (r.licences[0].sites[0].domain = 'Etaoche.cn')],
    ['an unknown site kind', (r: typeof valid) => (r.licences[0].sites[0].kind = 'mini-program')],
    ['a version of 0', (r: typeof valid) => (r.version = 0)],
    ['a licence number as filing', (r: typeof valid) => (r.filings = [{ ...filing(), number: '京B2-20190486' }])],
    ['a filing number with its 号', (r: typeof valid) => (r.filings = [{ ...filing(), number: '京ICP备20001234号' }])],
    ['a placeholder filing number', (r: typeof valid) => (r.filings = [{ ...filing(), number: '京ICP备12345678' }])],
    ['a duplicate filing number', (r: typeof valid) => (r.filings = [filing(), filing()])],
    [
      'a filed domain that is no host name',
      (r: typeof valid) => (r.filings = [{ ...filing(), sites: [{ number: 'x', name: 'y', domain: 'not a domain' }] }]),
    ],
    ['another schema version', (r: typeof valid) => (r.schemaVersion = 2)],
  ])('rejects %s', (_, change) => {
    expect(broken(change)).toBe(false);
  });
});

describe('registry index', () => {
  const index = new RegistryIndex(RegistrySchema.parse(committed));

  it('finds licences by holder or site name, holder matches first', () => {
    expect(index.searchNames('懂车帝').map((l) => l.number)).toEqual(['渝B2-20230001', '渝B2-20210467']);
    expect(index.searchNames('快 购').map((l) => l.number)).toEqual(['川B2-20200036']);
    expect(index.searchNames('四轮引擎').map((l) => l.number)).toEqual(['渝B2-20210467']);
    expect(index.searchNames('不存在的公司')).toEqual([]);
  });

  it('finds licences by listed domain and by serial', () => {
    expect(index.licencesListing('dcarapi.com').map((l) => l.number)).toEqual(['渝B2-20210467']);
    expect(index.licencesListing('m.dcarapi.com')).toEqual([]);
    expect(index.licencesWithSerial('20200036').map((l) => l.number)).toEqual(['川B2-20200036']);
  });
});
