import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanNumbers, type NumberMatch } from '../../core/grammar/scan-numbers';

function only(text: string): Pick<NumberMatch, 'kind' | 'canonical' | 'suffix' | 'region'> {
  const found = scanNumbers(text);
  expect(found, text).toHaveLength(1);
  const { kind, canonical, suffix, region } = found[0];
  return { kind, canonical, suffix, region };
}

describe('licence numbers', () => {
  it.each([
    ['京B2-20190486', '京B2-20190486', '京'],
    ['渝B2-20210467', '渝B2-20210467', '渝'],
    ['经营许可证编号: 告渝B2-20230001', '渝B2-20230001', '渝'],
    ['ICP证：粤B2-20090059号', '粤B2-20090059', '粤'],
    ['沪ICP证：沪B2-20100043', '沪B2-20100043', '沪'],
    ['渝Ｂ２－２０２１０４６７', '渝B2-20210467', '渝'],
    ['渝b2 20210467', '渝B2-20210467', '渝'],
    ['渝 B2 — 2021 0467 号', '渝B2-20210467', '渝'],
    ['京B1-20180001', '京B1-20180001', '京'],
    ['蜀B2-20200036', '川B2-20200036', '川'],
    ['黔B2-20200036', '贵B2-20200036', '贵'],
    ['滇B2-20200036', '云B2-20200036', '云'],
    ['陇B2-20200036', '甘B2-20200036', '甘'],
    ['秦B2-20200036', '陕B2-20200036', '陕'],
  ])('%s', (text, canonical, region) => {
    expect(only(text)).toEqual({ kind: 'licence', canonical, suffix: undefined, region });
  });

  it.each([
    ['B2-20190536', 'B2-20190536'],
    ['增值电信业务经营许可证：B2-20190536', 'B2-20190536'],
    ['///B2-20200036', 'B2-20200036'],
    ['合字B2-20190051', '合字B2-20190051'],
    ['合字A1.B1.B2-20180017', '合字A1.B1.B2-20180017'],
    ['B1.B2-20160078', 'B1.B2-20160078'],
    ['A2.B2-20150012', 'A2.B2-20150012'],
    ['A2、B2-20150012', 'A2.B2-20150012'],
  ])('cross-regional %s', (text, canonical) => {
    expect(only(text)).toEqual({ kind: 'licence', canonical, suffix: undefined, region: undefined });
  });

  it('keeps a site suffix apart from the number', () => {
    expect(only('川B2-20120050-3')).toEqual({ kind: 'licence', canonical: '川B2-20120050', suffix: '3', region: '川' });
    expect(only('川B2-20120050号-12')).toEqual({ kind: 'licence', canonical: '川B2-20120050', suffix: '12', region: '川' });
  });

  it('reads old information-service licences', () => {
    expect(only('京ICP证030173号')).toEqual({ kind: 'licence', canonical: '京ICP证030173', suffix: undefined, region: '京' });
    expect(only('京 ICP 证 110745 号')).toEqual({ kind: 'licence', canonical: '京ICP证110745', suffix: undefined, region: '京' });
  });

  it('gives offsets of the spelling in the original text', () => {
    const text = '版权所有 渝Ｂ２－２０２１０４６７号 联系我们';
    const [m] = scanNumbers(text);
    expect(text.slice(m.start, m.end)).toBe('渝Ｂ２－２０２１０４６７号');
  });
});

describe('filings and public-security numbers', () => {
  it.each([
    ['京ICP备10046444号-9', '京ICP备10046444', '9'],
    ['京ICP备10046444号', '京ICP备10046444', undefined],
    ['京ICP备 1004 6444', '京ICP备10046444', undefined],
    ['粤ICP备：2021000123号', '粤ICP备2021000123', undefined],
    ['浙ICP备2021000123-2', '浙ICP备2021000123', '2'],
  ])('ICP filing %s', (text, canonical, suffix) => {
    expect(only(text)).toMatchObject({ kind: 'icp-filing', canonical, suffix });
  });

  it('public-security filing', () => {
    expect(only('京公网安备 11010802020088号')).toEqual({
      kind: 'public-security',
      canonical: '京公网安备11010802020088',
      suffix: undefined,
      region: '京',
    });
  });

  it('tells the three kinds apart in one footer', () => {
    const footer = '京ICP证030173号 京ICP备10046444号-9 京公网安备11010802020088号 京B2-20190486';
    expect(scanNumbers(footer).map((m) => [m.kind, m.canonical])).toEqual([
      ['licence', '京ICP证030173'],
      ['icp-filing', '京ICP备10046444'],
      ['public-security', '京公网安备11010802020088'],
      ['licence', '京B2-20190486'],
    ]);
  });
});

describe('what is not a number', () => {
  it.each([
    '京ICP备12345678号',
    '京ICP备XXXXXXXX号',
    '京ICP备案中',
    '京B2-00000000',
    '京B2-12345678',
    '京ICP证000000号',
    '京公网安备00000000000000号',
    '京B2-2019048',
    '京B2-201904861',
    '京ICP备123456789号',
    'SKUB2-20190486',
    'B2-30190486',
    'B3-20190486',
    'A1-20190486',
    '价格 B2 20190486',
    '',
  ])('%s', (text) => {
    expect(scanNumbers(text)).toEqual([]);
  });
});

// Renders a number in one of the spellings real pages use.
const REGION_SPELLINGS: Record<string, string[]> = { 川: ['川', '蜀'], 贵: ['贵', '黔'], 京: ['京'], 渝: ['渝'] };
const toFullWidth = (s: string) => [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
const spacesArb = fc.constantFrom('', ' ', '\u3000', '\n  ');
const dashArb = fc.constantFrom('-', '－', '—', '–', ' - ');
const labelArb = fc.constantFrom('', '经营许可证编号：', 'ICP证：', '增值电信业务经营许可证 ', '© 2024 某某公司 ');

describe('property: spelling does not change the canonical form', () => {
  it('B licences in any accepted spelling', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(REGION_SPELLINGS)),
        fc.nat(),
        fc.constantFrom('B1', 'B2', 'B1.B2', 'A2.B2'),
        fc.integer({ min: 1990, max: 2029 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
        fc.record({ full: fc.boolean(), lower: fc.boolean(), hao: fc.boolean(), gap: spacesArb, dash: dashArb, label: labelArb }),
        (region, pick, cats, year, seq, suffix, s) => {
          const serial = `${year}${String(seq).padStart(4, '0')}`;
          if (/^(\d)\1*$/.test(serial) || '0123456789'.includes(serial)) return;
          const spellings = REGION_SPELLINGS[region];
          let body = `${cats}${s.dash}${serial.slice(0, 4)}${s.gap === '\n  ' ? '' : s.gap}${serial.slice(4)}`;
          if (s.lower) body = body.toLowerCase();
          if (s.full) body = toFullWidth(body);
          const text = `${s.label}${spellings[pick % spellings.length]}${s.gap}${body}${s.hao ? '号' : ''}${
            suffix === undefined ? '' : `-${suffix}`
          } 版权所有`;
          expect(only(text)).toEqual({ kind: 'licence', canonical: `${region}${cats}-${serial}`, suffix: suffix?.toString(), region });
        },
      ),
    );
  });

  it('ICP filings and public-security numbers in any accepted spelling', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{7}(\d\d)?$/),
        fc.stringMatching(/^[1-9]\d{13}$/),
        fc.record({ full: fc.boolean(), gap: spacesArb, colon: fc.constantFrom('', ':', '：'), hao: fc.boolean() }),
        (filing, psb, s) => {
          fc.pre(!'0123456789'.includes(filing) && !/^(\d)\1*$/.test(filing));
          const f = s.full ? toFullWidth(filing) : filing;
          expect(only(`京${s.gap}ICP${s.gap}备${s.colon}${f}${s.hao ? '号' : ''}`)).toMatchObject({
            kind: 'icp-filing',
            canonical: `京ICP备${filing}`,
          });
          expect(only(`京${s.gap}公网安备${s.colon}${s.gap}${psb}${s.hao ? '号' : ''}`)).toMatchObject({
            kind: 'public-security',
            canonical: `京公网安备${psb}`,
          });
        },
      ),
    );
  });
});

describe('property: any text', () => {
  const hostileChar = fc.constantFrom(
    '京',
    '渝',
    'B',
    '2',
    '1',
    '-',
    ' ',
    'I',
    'C',
    'P',
    '证',
    '备',
    '号',
    '合',
    '字',
    'A',
    '.',
    '0',
    '公网安备',
  );

  it('never throws and returns spans inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(hostileChar).map((a) => a.join('')),
        ),
        (text) => {
          for (const m of scanNumbers(text)) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.start).toBeLessThan(m.end);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  // Work, not wall time, is what must grow linearly; wall time is only compared between two sizes
  // measured in the same run, with a bound loose enough for a noisy shared machine.
  it('scans 1 MB of adversarial text in time linear in its length', () => {
    const unit = '京B2-2019048京ICP备1234567 8 9 0京公网安备1101080202 A1.B1.A2.B1-19 渝Ｂ２－２０２ 1 1 1 1 ';
    const make = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const small = make(100_000);
    const large = make(1_000_000);
    const median = (text: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        scanNumbers(text);
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[2];
    };
    median(small);
    const ratio = median(large) / median(small);
    expect(ratio).toBeLessThan(30);
  });
});
