import { verify } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli';

describe.concurrent('npm run registry:keygen and registry:sign', () => {
  it('make a key pair and a detached raw r‖s signature that verifies over the exact bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signing-'));
    const keygen = await runCli('registry-keygen', ['--out', dir, '--name', 'Compliance team']);
    expect(keygen.status).toBe(0);
    const entry = JSON.parse(keygen.stdout.slice(keygen.stdout.indexOf('{')));
    expect(entry).toMatchObject({ id: expect.stringMatching(/^key-[0-9a-f]{16}$/), name: 'Compliance team' });
    expect(entry.spkiPem).toBe(readFileSync(join(dir, 'registry-signing.public.pem'), 'utf8'));
    expect(statSync(join(dir, 'registry-signing.private.pem')).mode & 0o777).toBe(0o600);

    const registry = join(dir, 'registry.json');
    copyFileSync(join(ROOT, 'data/registry.json'), registry);
    const signed = await runCli('registry-sign', ['--key', join(dir, 'registry-signing.private.pem'), registry]);
    expect(signed.stderr).toBe('');
    const signature = Buffer.from(readFileSync(`${registry}.sig`, 'utf8').trim(), 'base64');
    expect(signature).toHaveLength(64);
    const key = { key: entry.spkiPem, dsaEncoding: 'ieee-p1363' as const };
    expect(verify('sha256', readFileSync(registry), key, signature)).toBe(true);
    writeFileSync(registry, readFileSync(registry, 'utf8').replace(/"version": ?1/, '"version":9'));
    expect(verify('sha256', readFileSync(registry), key, signature)).toBe(false);

    expect((await runCli('registry-keygen', ['--out', dir])).stderr).toContain('already exists; not overwriting a key');
  });

  it.each([
    [['--key', 'no-such.pem', 'data/registry.json'], 'cannot read no-such.pem: no such file'],
    [['--key', 'data/registry.json', 'data/registry.json'], 'is not a P-256 ECDSA private key'],
    [['data/registry.json'], 'usage: npm run registry:sign'],
  ])('registry:sign refuses %j', async (args, message) => {
    const r = await runCli('registry-sign', args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(message);
  });
});
