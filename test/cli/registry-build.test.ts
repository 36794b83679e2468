import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli';
import { gunzipSync } from 'node:zlib';

const licences = join(ROOT, 'data/licences');
const corpus = join(ROOT, 'test/fixtures/documents');
const sources = join(ROOT, 'test/fixtures/sources');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-build-'));
});

describe('npm run registry:build', () => {
  it('builds the bundled registry from a folder, and bumps the version on the next build', async () => {
    const out = join(dir, 'registry.json');
    const first = await runCli('registry-build', ['--out', out, licences]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`wrote ${out}: version 1, 4 licences, 7 domains, from 5 documents: 5 used, 0 partly used, 0 refused\n`);
    const built = JSON.parse(readFileSync(out, 'utf8'));
    const bundled = JSON.parse(readFileSync(join(ROOT, 'data/registry.json'), 'utf8'));
    expect(built.licences).toEqual(bundled.licences);
    await runCli('registry-build', ['--out', out, licences]);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe(2);
  });

  it('accepts single files', async () => {
    const out = join(dir, 'one.json');
    const r = await runCli('registry-build', ['--out', out, join(licences, '003_53fe3f07be8b4b57.txt')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).licences.map((l: { number: string }) => l.number)).toEqual(['京B2-20190486']);
  });

  const expectRefused = async (args: string[], message: string, out = join(dir, 'out.json')) => {
    const r = await runCli('registry-build', ['--out', out, ...args]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  };

  it('names a missing file', async () => {
    await expectRefused(
      [join(licences, '000_4b3bb27f7b78dd11.txt'), join(dir, 'missing.txt')],
      `cannot read ${join(dir, 'missing.txt')}: no such file or folder`,
    );
  });

  it('names a document without a licence number, and writes nothing when no document can be used', async () => {
    const doc = join(dir, 'blank.txt');
    writeFileSync(doc, '中华人民共和国 增值电信业务经营许可证\n\n公司名称: 某公司\n');
    await expectRefused([doc], 'refused: blank.txt: 经营许可证编号: no licence number found\n');
    await expectRefused([doc], 'no registry written: no licence could be built (1 documents: 0 used, 0 partly used, 1 refused)');
    await expectRefused(['--strict', doc], 'cannot build the registry: blank.txt: 经营许可证编号: no licence number found');
  });

  it('builds from the good documents of a folder with an unreadable one, names it and why, and says so in its exit code', async () => {
    const folder = join(dir, 'scans');
    mkdirSync(folder);
    for (const name of readdirSync(corpus)) copyFileSync(join(corpus, name), join(folder, name));
    const issue = readFileSync(join(corpus, '01-beijing-numbered-list.txt'), 'utf8');
    writeFileSync(
      join(folder, '00-unreadable.txt'),
      issue.replace('2023年O3月15日', '2023年X3月15日').replaceAll(/2[0O]231187/g, '20239999'),
    );
    const out = join(dir, 'registry.json');
    const r = await runCli('registry-build', ['--out', out, folder]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('refused: 00-unreadable.txt: 发证日期: "2023年X3月15日" is not a date\n');
    expect(r.stdout).toBe(`wrote ${out}: version 1, 10 licences, 21 domains, from 11 documents: 10 used, 0 partly used, 1 refused\n`);
    const numbers = JSON.parse(readFileSync(out, 'utf8')).licences.map((l: { number: string }) => l.number);
    expect(numbers).toHaveLength(10);
    expect(numbers).toContain('京B2-20231187');
    expect(numbers).not.toContain('京B2-20239999');
  });

  it('uses what it can of a partly readable document and reports the rest', async () => {
    const doc = join(dir, 'part.txt');
    writeFileSync(doc, readFileSync(join(licences, '003_53fe3f07be8b4b57.txt'), 'utf8').replace('etaoche.cn', 'etaoche'));
    const out = join(dir, 'registry.json');
    const r = await runCli('registry-build', ['--out', out, doc]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('partly used: part.txt: 网站域名/APP域名: "etaoche" is not a domain; left out\n');
    expect(r.stdout).toBe(`wrote ${out}: version 1, 1 licences, 0 domains, from 1 documents: 0 used, 1 partly used, 0 refused\n`);
    await expectRefused(['--strict', doc], 'cannot build the registry: part.txt: 网站域名/APP域名: "etaoche" is not a domain; left out');
  });

  it('refuses the later of two documents of the same issue that disagree, naming the field; --strict stops', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    copyFileSync(join(licences, '001_1f9b954c97a53acf.txt'), a);
    writeFileSync(b, readFileSync(a, 'utf8').replace('法定代表人: 李飞', '法定代表人: 张三'));
    const message = 'a.txt and b.txt: legalRepresentative: both are the issue of 2022-10-31 of 渝B2-20210467 but disagree';
    const out = join(dir, 'registry.json');
    const r = await runCli('registry-build', ['--out', out, a, b]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(`refused: ${message}\n`);
    expect(JSON.parse(readFileSync(out, 'utf8')).licences[0]).toMatchObject({ legalRepresentative: '李飞', sources: ['a.txt'] });
    await expectRefused(['--strict', a, b], `cannot build the registry: ${message}`);
  });

  it('writes the review report', async () => {
    const out = join(dir, 'registry.json');
    const review = join(dir, 'review.md');
    const r = await runCli('registry-build', ['--out', out, '--review', review, '--strict', join(corpus, '08-chongqing-region-lost.txt')]);
    expect(r.status).toBe(0);
    expect(readFileSync(review, 'utf8')).toBe(
      [
        '# Registry build review',
        '',
        '1 documents: 1 used, 0 partly used, 0 refused.',
        '',
        '## Repaired or inferred values',
        '',
        '| number | document | field | value | seen in the scan | repair |',
        '|---|---|---|---|---|---|',
        "| 渝B2-20210066 | 08-chongqing-region-lost.txt | 经营许可证编号 | 渝B2-20210066 | 经营许可证编号:///B2-20210066 | region lost in every copy; taken from the holder's name |",
        '| 渝B2-20210066 | 08-chongqing-region-lost.txt | 发证日期 | 2021-10-20 | 2021年1O月2O日 | letters read as digits (O→0) |',
        '| 渝B2-20210066 | 08-chongqing-region-lost.txt | 有效期至 | 2026-10-19 | 2026年1O月19日 | letters read as digits (O→0) |',
        '',
      ].join('\n'),
    );
  });

  it('builds one registry from documents and the regulator’s records in any mix, reporting what it refused and where sources disagree', async () => {
    const out = join(dir, 'mixed.json');
    const r = await runCli('registry-build', ['--out', out, licences, sources]);
    expect(r.status).toBe(3);
    expect(r.stdout.split('\n')).toEqual([
      `wrote ${out}: version 1, 6 licences, 11 domains, 2 filings, from 5 documents: 5 used, 0 partly used, 0 refused`,
      'filings.jsonl: 9 records: 6 used, 1 not used, 2 refused',
      'licence-answers.json: 3 records: 2 used, 0 not used, 1 refused',
      'licence-answers.jsonl: 4 records: 2 used, 0 not used, 2 refused',
      'status-list.csv: 7 records: 4 used, 0 not used, 3 refused',
      'authorisations.json: 2 records: 1 used, 0 not used, 1 refused',
      '',
    ]);
    const stderr = r.stderr.split('\n');
    expect(stderr).toContain('refused: licence-answers.jsonl:4: is not JSON (Unexpected token \'h\', "this line i"... is not valid JSON)');
    expect(stderr).toContain('refused: status-list.csv: 2024-01-01 revoked: 沪B2-20990001 (某公司): no source describes that licence');
    expect(stderr).toContain(
      'sources disagree: 京B2-20190486 validUntil: "2024-03-06" (003_53fe3f07be8b4b57.txt, 2020-01-08) and "2029-03-06" (licence-answers.json, 2024-03-01); kept the latter',
    );
    expect(stderr.filter((line) => line.startsWith('refused: '))).toHaveLength(9);

    // A domain known only from a filing, and one of an authorised company under a revoked licence.
    const lookup = async (host: string) =>
      JSON.parse((await runCli('lookup', ['--registry', out, host, '--date', '2026-11-22', '--json'])).stdout);
    expect(await lookup('m.yunfan-mall.cn')).toMatchObject({
      verdict: 'listed',
      licence: { number: '粤B2-20220415', holder: '广州云帆网络科技有限公司' },
    });
    expect(await lookup('taoche-news.cn')).toMatchObject({
      verdict: 'listed',
      licence: { number: '京B2-20190486', validUntil: '2029-03-06' },
    });
    expect(await lookup('qinghe-zhan.cn')).toMatchObject({ verdict: 'revoked', licence: { number: '浙B2-20180233', status: 'revoked' } });
    expect(await lookup('xinglian-pay.cn')).toMatchObject({ verdict: 'unlisted', licence: null });
    expect(await lookup('zhangsan-blog.cn')).toMatchObject({
      verdict: 'filed',
      licence: null,
      filing: { number: '京ICP备20001234', operator: '张三', nature: '个人' },
    });
    // A filing number in the spellings pages use lists the filing, and the licence its sites serve, if any.
    const authorised = await lookup('浙ICP备 18022233 号-1');
    expect(authorised.filings.map((f: { number: string }) => f.number)).toEqual(['浙ICP备18022233']);
    expect(authorised.licences.map((l: { number: string; status: string }) => [l.number, l.status])).toEqual([
      ['浙B2-20180233', 'revoked'],
    ]);
    expect(await lookup('京ICP备20001234')).toMatchObject({
      licences: [],
      filings: [{ operator: '张三', sites: [{ domain: 'zhangsan-blog.cn' }] }],
    });
    expect(await lookup('京ICP备19999999号')).toEqual({ licences: [], filings: [] });
    const plain = await runCli('lookup', ['--registry', out, '京ICP备20001234号']);
    expect(plain.stdout).toBe(
      '京ICP备20001234  张三 (个人)  ICP filing, not a licence\n  record updated 2022-08-15\n  site 京ICP备20001234-1: zhangsan-blog.cn 张三的博客\n',
    );
    // One licence (then one filing) per line, so the file can be written and read piece by piece.
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(1 + 6 + 1 + 2 + 2);
    expect(lines[7]).toBe('],"filings":[');
    expect(JSON.parse(lines[8].replace(/,$/, ''))).toMatchObject({ number: '京ICP备20001234' });
    const written = JSON.parse(text);
    expect([written.licences.length, written.filings.length]).toEqual([6, 2]);
  });

  it('names a file that is none of the inputs it reads, and stops with --strict at the first refused record', async () => {
    const notes = join(dir, 'notes.csv');
    writeFileSync(notes, 'name,domain\nexample,example.cn\n');
    const r = await runCli('registry-build', ['--out', join(dir, 'out.json'), licences, notes]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot build the registry: ${notes} is none of the inputs it reads`);
    const strict = await runCli('registry-build', ['--out', join(dir, 'out.json'), '--strict', licences, sources]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^cannot build the registry: filings\.jsonl:3 params\.list\[3\]: site number/);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('writes a gzip-compressed registry for a name ending .gz, holding the same registry, and bumps its version too', async () => {
    const plain = join(dir, 'registry.json');
    const packed = join(dir, 'registry.json.gz');
    await runCli('registry-build', ['--out', plain, '--version', '1', '--generated-at', '2026-11-22T00:00:00Z', licences]);
    expect(
      (await runCli('registry-build', ['--out', packed, '--version', '1', '--generated-at', '2026-11-22T00:00:00Z', licences])).status,
    ).toBe(0);
    const bytes = readFileSync(packed);
    expect([...bytes.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
    expect(gunzipSync(bytes).toString('utf8')).toBe(readFileSync(plain, 'utf8'));
    await runCli('registry-build', ['--out', packed, licences]);
    expect(JSON.parse(gunzipSync(readFileSync(packed)).toString('utf8')).version).toBe(2);
  });

  it('leaves an existing output untouched when a build fails', async () => {
    const out = join(dir, 'registry.json');
    writeFileSync(out, '{"kept":true}');
    const r = await runCli('registry-build', ['--out', out, join(dir, 'missing.txt')]);
    expect(r.status).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('{"kept":true}');
  });

  it.each([
    [[licences], '--out is required'],
    [['--out', 'x.json'], 'no inputs given'],
    [['--out', 'x.json', '--version', 'two', licences], '--version must be a positive integer'],
    [['--out', 'x.json', '--review', licences], 'no inputs given'],
  ])('refuses bad arguments %j', async (args, message) => {
    const r = await runCli('registry-build', args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
