import { verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { registryContentHash } from '../../core/registry/content-hash';
import { RegistrySchema, type Registry } from '../../core/registry/schema';
import { RegistryDeltaSchema } from '../../core/update/delta-schema';
import { applyDelta } from '../../core/update/registry-delta';
import { FILINGS } from '../registries/filings';
import { ROOT, runCli } from './run-cli';

const bundled = RegistrySchema.parse(JSON.parse(readFileSync(join(ROOT, 'data/registry.json'), 'utf8')));
// The next day's registry: one licence renamed, one gone, the filings added; given gzip-compressed.
const [first, , ...rest] = bundled.licences;
const next: Registry = {
  ...bundled,
  version: bundled.version + 1,
  licences: [{ ...first, holder: '改名后的公司' }, ...rest],
  filings: FILINGS,
};

let dir: string;
let publicPem: string;
const oldPath = () => join(dir, 'registry-1.json');
const newPath = () => join(dir, 'registry-2.json.gz');
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'registry-diff-'));
  expect((await runCli('registry-keygen', ['--out', dir])).status).toBe(0);
  publicPem = readFileSync(join(dir, 'registry-signing.public.pem'), 'utf8');
  writeFileSync(oldPath(), readFileSync(join(ROOT, 'data/registry.json')));
  writeFileSync(newPath(), gzipSync(JSON.stringify(next)));
});

describe.concurrent('npm run registry:diff', () => {
  it('writes a signed delta that takes the old registry to the new one', async () => {
    const out = join(dir, 'registry.json.from-1');
    const r = await runCli('registry-diff', [
      '--from',
      oldPath(),
      '--to',
      newPath(),
      '--out',
      out,
      '--key',
      join(dir, 'registry-signing.private.pem'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const bytes = readFileSync(out);
    expect(r.stdout).toBe(
      `wrote ${out}: version 1 to 2; licences: 0 put, 1 patched, 1 removed; filings: 2 put, 0 patched, 0 removed\n` +
        `${bytes.length} bytes, ${Number(((100 * bytes.length) / readFileSync(newPath()).length).toPrecision(2))}% of ${newPath()} (${readFileSync(newPath()).length} bytes)\n` +
        `wrote ${out}.sig\n`,
    );
    const signature = Buffer.from(readFileSync(`${out}.sig`, 'utf8').trim(), 'base64');
    const key = { key: publicPem, dsaEncoding: 'ieee-p1363' as const };
    expect(verify('sha256', bytes, key, signature)).toBe(true);
    expect(verify('sha256', Buffer.concat([bytes, Buffer.from(' ')]), key, signature)).toBe(false);

    const delta = RegistryDeltaSchema.parse(JSON.parse(bytes.toString('utf8')));
    // The renamed licence travels as its changed field, far shorter than the licence whole.
    expect(delta.licences).toEqual({
      put: [],
      patch: [{ number: first.number, set: { holder: '改名后的公司' } }],
      remove: [bundled.licences[1].number],
    });
    const applied = applyDelta(bundled, delta);
    expect(applied.ok && registryContentHash(applied.registry)).toBe(registryContentHash(next));
    // One record or patch per line, as registry:build writes registries: the head (the licences' put list is
    // empty), the licences' patch list,
    // the patch, the licences' removals with the filings' head, two filings, the filings' patch list, the
    // end, and nothing after the final newline.
    const lines = bytes.toString('utf8').split('\n');
    expect(lines).toHaveLength(9);
    expect(JSON.parse(lines[2])).toEqual(delta.licences.patch?.[0]);
    expect(JSON.parse(lines[4].replace(/,$/, ''))).toEqual(delta.filings.put[0]);
    expect(lines[8]).toBe('');
  });

  it('writes it gzip-compressed when the name ends .gz', async () => {
    const out = join(dir, 'delta.json.gz');
    const r = await runCli('registry-diff', ['--from', oldPath(), '--to', newPath(), '--out', out]);
    expect(r.status).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
    expect(RegistryDeltaSchema.parse(JSON.parse(gunzipSync(bytes).toString('utf8'))).to.version).toBe(2);
    expect(existsSync(`${out}.sig`)).toBe(false);
  });

  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  it.each([
    ['a --to that is not newer', () => ['--from', newPath(), '--to', oldPath()], `is version 1, not newer than`],
    ['a --to that is the same version', () => ['--from', oldPath(), '--to', oldPath()], 'cannot make a delta: '],
    ['a missing --from', () => ['--from', join(dir, 'none.json'), '--to', newPath()], 'none.json: ENOENT: no such file or directory'],
    [
      'a --to that fails the schema',
      () => ['--from', oldPath(), '--to', join(ROOT, 'package.json')],
      'package.json does not match the schema',
    ],
    ['a --to that is not JSON', () => ['--from', oldPath(), '--to', write('text.json', 'not json')], 'text.json is not JSON'],
    [
      'a --from that is broken gzip',
      () => ['--from', write('broken.json.gz', Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3])), '--to', newPath()],
      'broken.json.gz looks gzip-compressed but cannot be decompressed',
    ],
    [
      'a key that is no private key',
      () => ['--from', oldPath(), '--to', newPath(), '--key', join(dir, 'registry-signing.public.pem')],
      'is not a P-256 ECDSA private key',
    ],
  ])('refuses %s with a clear message and writes nothing', async (_what, args, message) => {
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}.json`);
    const r = await runCli('registry-diff', [...args(), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(readdirSync(dir).filter((name) => name.startsWith(basename(out)))).toEqual([]);
  });

  it.each([
    [['--from', 'a.json', '--to', 'b.json'], '--from, --to and --out are required'],
    [['--from', 'a.json', '--to', 'b.json', '--out', 'b.json'], '--out must name a new file'],
    [['--from', 'a.json', '--to', 'b.json', '--out', 'c.json', 'extra'], 'usage: npm run registry:diff'],
  ])('refuses the command line %j with its usage and exit code 2', async (args, message) => {
    const r = await runCli('registry-diff', args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
