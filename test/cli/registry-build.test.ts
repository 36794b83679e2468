import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli';

const licences = join(ROOT, 'data/licences');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-build-'));
});

describe('npm run registry:build', () => {
  it('builds the bundled registry from a folder, and bumps the version on the next build', async () => {
    const out = join(dir, 'registry.json');
    const first = await runCli('registry-build', ['--out', out, licences]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`wrote ${out}: version 1, 4 licences, 7 domains, from 5 documents\n`);
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

  it('names a document without a licence number', async () => {
    const doc = join(dir, 'blank.txt');
    writeFileSync(doc, '中华人民共和国 增值电信业务经营许可证\n\n公司名称: 某公司\n');
    await expectRefused([doc], 'cannot build the registry: blank.txt: 经营许可证编号: no licence number found');
  });

  it('names two documents of the same issue that disagree, and the field', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    copyFileSync(join(licences, '001_1f9b954c97a53acf.txt'), a);
    writeFileSync(b, readFileSync(a, 'utf8').replace('法定代表人: 李飞', '法定代表人: 张三'));
    await expectRefused(
      [a, b],
      'cannot build the registry: a.txt and b.txt: legalRepresentative: both are the issue of 2022-10-31 of 渝B2-20210467 but disagree',
    );
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
    [['--out', 'x.json'], 'no documents given'],
    [['--out', 'x.json', '--version', 'two', licences], '--version must be a positive integer'],
  ])('refuses bad arguments %j', async (args, message) => {
    const r = await runCli('registry-build', args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
