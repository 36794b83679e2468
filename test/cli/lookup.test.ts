import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

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

  it.each([
    [['???'], '"???" is not a licence number, a domain or URL, or a name.'],
    [['   '], 'Type a licence number'],
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
