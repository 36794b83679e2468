import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli';

const lookupJson = async (...args: string[]) => {
  const r = await runCli('lookup', [...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

describe.concurrent('npm run lookup', () => {
  it('reports 渝b2 20210467 as expired with its current holder and legal representative', async () => {
    const out = await lookupJson('渝b2 20210467', '--date', '2026-11-22');
    expect(out.licences).toHaveLength(1);
    expect(out.licences[0]).toMatchObject({
      number: '渝B2-20210467',
      holder: '重庆万象优车科技有限公司',
      legalRepresentative: '马骏',
      status: 'expired',
      daysLeft: -33,
      validUntil: '2026-10-20',
    });
    expect(out.licences[0].history[0].legalRepresentative).toBe('李飞');
  });

  it('gives expiring for a subdomain of a listed site within 90 days of expiry, listed before', async () => {
    const august = await lookupJson('https://m.maichetong.com.cn/x', '--date', '2026-08-01');
    expect(august).toMatchObject({ verdict: 'expiring', licence: { number: '渝B2-20210467', status: 'expiring', daysLeft: 80 } });
    const june = await lookupJson('https://m.maichetong.com.cn/x', '--date', '2026-06-01');
    expect(june).toMatchObject({ verdict: 'listed', licence: { number: '渝B2-20210467', status: 'valid', daysLeft: 141 } });
  });

  it('reads a gzip-compressed registry as publishers serve it', async () => {
    const registry = join(mkdtempSync(join(tmpdir(), 'lookup-')), 'registry.json.gz');
    writeFileSync(registry, gzipSync(readFileSync(join(ROOT, 'data/registry.json'))));
    const out = await lookupJson('渝b2 20210467', '--registry', registry);
    expect(out.licences.map((l: { number: string }) => l.number)).toEqual(['渝B2-20210467']);
  });

  it('finds both licences that concern 懂车帝', async () => {
    const out = await lookupJson('懂车帝', '--date', '2026-11-22');
    expect(out.licences.map((l: { number: string; status: string }) => [l.number, l.status])).toEqual([
      ['渝B2-20230001', 'valid'],
      ['渝B2-20210467', 'expired'],
    ]);
  });

  it('gives unlisted and a null licence for a domain that is not on the registry', async () => {
    expect(await lookupJson('maichetong.com.cn.evil.com', '--date', '2026-06-01')).toEqual({
      verdict: 'unlisted',
      host: 'maichetong.com.cn.evil.com',
      matchedDomain: null,
      licence: null,
    });
  });

  it('prints a readable answer without --json', async () => {
    const r = await runCli('lookup', ['etaoche.cn', '--date', '2026-11-22']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('etaoche.cn: expired (listed as etaoche.cn)');
    expect(r.stdout).toContain('京B2-20190486  北京淘车科技有限公司');
  });

  describe('licences the regulator ended, and its lists', () => {
    const ENDED = ['--registry', 'test/registries/ended-licences.json'];
    const brief = (l: { number: string; status: string; lists: string[] }) => [l.number, l.status, l.lists];

    it('gives each licence found its status and the lists in force on --date', async () => {
      const before = await lookupJson('示例', ...ENDED, '--date', '2025-01-01');
      expect(before.licences.map(brief)).toEqual([
        ['粤B2-20180001', 'valid', ['bad-operators']],
        ['B2-20190536', 'valid', []],
        ['浙B2-20200002', 'valid', []],
      ]);
      const after = await lookupJson('示例', ...ENDED, '--date', '2026-11-22');
      expect(after.licences.map(brief)).toEqual([
        ['粤B2-20180001', 'revoked', ['dishonest-operators']],
        ['B2-20190536', 'cancelled', []],
        ['浙B2-20200002', 'valid', ['bad-operators']],
      ]);
      expect(after.licences[0].end).toEqual({
        state: 'revoked',
        on: '2025-03-01',
        authority: '广东省通信管理局',
        reason: '以欺骗手段取得许可',
        source: 'status-2025.csv',
      });
      expect(after.licences[0].listEntries.map((e: { list: string; until?: string }) => [e.list, e.until])).toEqual([
        ['bad-operators', '2025-01-15'],
        ['dishonest-operators', undefined],
      ]);
    });

    it('takes a list entry as in force up to the day before its until, and a cancellation from its own day', async () => {
      const brief1 = async (query: string, date: string) => brief((await lookupJson(query, ...ENDED, '--date', date)).licences[0]);
      expect(await brief1('粤B2-20180001', '2025-01-14')).toEqual(['粤B2-20180001', 'valid', ['bad-operators']]);
      expect(await brief1('粤B2-20180001', '2025-01-15')).toEqual(['粤B2-20180001', 'valid', []]);
      expect(await brief1('B2-20190536', '2026-06-29')).toEqual(['B2-20190536', 'valid', []]);
      expect(await brief1('B2-20190536', '2026-06-30')).toEqual(['B2-20190536', 'cancelled', []]);
    });

    it('gives revoked for a domain of a revoked licence, with the licence as the contract prints it', async () => {
      const out = await lookupJson('https://www.sugou-shop.cn/item/1', ...ENDED, '--date', '2026-11-22');
      expect(out).toMatchObject({
        verdict: 'revoked',
        matchedDomain: 'sugou-shop.cn',
        licence: { number: '粤B2-20180001', status: 'revoked', lists: ['dishonest-operators'] },
      });
      expect((await lookupJson('sugou-shop.cn', ...ENDED, '--date', '2025-02-28')).verdict).toBe('listed');
    });

    it('says in the readable answer what happened, when, who decided, and the lists', async () => {
      const r = await runCli('lookup', ['sugou-shop.cn', ...ENDED, '--date', '2026-11-22']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('sugou-shop.cn: revoked (listed as sugou-shop.cn)');
      expect(r.stdout).toContain('issued 2023-05-10, valid until 2028-05-10 (no longer in force)');
      expect(r.stdout).toContain('Revoked on 2025-03-01 by 广东省通信管理局: 以欺骗手段取得许可');
      expect(r.stdout).toContain('On the list of dishonest telecom operators (失信名单) since 2025-03-01 (decided by: 广东省通信管理局)');
      expect(r.stdout).toContain('Was on the list of bad telecom operators (不良名单) from 2024-06-01, removed on 2025-01-15');
      const cancelled = await runCli('lookup', ['B2-20190536', ...ENDED, '--date', '2026-11-22']);
      expect(cancelled.stdout).toContain('Cancelled on 2026-06-30 by 工业和信息化部: 经营者申请注销');
    });
  });

  it('gives the committed registry’s licences a status and no lists', async () => {
    const out = await lookupJson('川B2-20200036', '--date', '2026-11-22');
    expect(out.licences[0]).toMatchObject({ status: 'expired', lists: [], listEntries: [] });
  });

  it.each([
    [['???'], '"???" is not a licence or filing number, a domain or URL, or a name.'],
    [['   '], 'Type a licence or ICP filing number'],
    [[], 'usage: npm run lookup'],
    [['etaoche.cn', '--date', '2026-02-30'], '--date must be a calendar date YYYY-MM-DD'],
    [['etaoche.cn', '--registry', 'no-such-registry.json'], 'cannot read the registry no-such-registry.json'],
    [['etaoche.cn', '--registry', 'package.json'], 'the registry package.json does not match the schema'],
  ])('refuses %j with a clear message', async (args, message) => {
    const r = await runCli('lookup', args);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
