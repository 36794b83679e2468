import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptRegistry, type TrustedKey } from '../../core/update/accept-registry';
import { importPublicKey, sign, SIGNING_ALGORITHM, toPem } from '../../core/update/signature';
import { gzipSync } from 'node:zlib';

const { subtle } = globalThis.crypto;
const bundled = JSON.parse(readFileSync(new URL('../../data/registry.json', import.meta.url), 'utf8'));
const encode = (value: unknown): Uint8Array<ArrayBuffer> =>
  new Uint8Array(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)));

let publisher: CryptoKeyPair;
let stranger: CryptoKeyPair;
let trusted: TrustedKey[];

beforeAll(async () => {
  publisher = await subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  stranger = await subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  const pem = toPem(await subtle.exportKey('spki', publisher.publicKey), 'PUBLIC KEY');
  trusted = [{ id: 'key-publisher', name: 'publisher', key: (await importPublicKey(subtle, pem))! }];
});

const context = () => ({ subtle, trustedKeys: trusted, activeVersion: 1, maxBytes: 1_000_000, maxUnpackedBytes: 2_000_000 });
const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));
const signed = async (bytes: Uint8Array<ArrayBuffer>, key = publisher.privateKey) => ({ bytes, signature: await sign(subtle, key, bytes) });

describe('a gzip-compressed registry', () => {
  it('is accepted when the signature covers the compressed bytes as downloaded', async () => {
    const plain = encode({ ...bundled, version: 2 });
    const packed = gzip(plain);
    expect(packed.length).toBeLessThan(plain.length / 3);
    expect(await acceptRegistry(await signed(packed), context())).toMatchObject({ ok: true, registry: { version: 2 } });
  });

  it('is refused when the signature covers the uncompressed bytes instead', async () => {
    const plain = encode({ ...bundled, version: 2 });
    const { signature } = await signed(plain);
    expect(await acceptRegistry({ bytes: gzip(plain), signature }, context())).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('is refused, without holding more than the limit, when it inflates past it', async () => {
    // 3 MB of spaces compress to a few kilobytes: a small download that would not stop growing.
    const bomb = gzip(new TextEncoder().encode(`${' '.repeat(3_000_000)}{}`));
    expect(bomb.length).toBeLessThan(10_000);
    expect(await acceptRegistry(await signed(bomb), context())).toEqual({
      ok: false,
      code: 'too-large',
      reason: { key: 'refused_too_large_unpacked', subs: ['2000000'] },
    });
  });

  it('is refused with the reason when its compressed data is broken', async () => {
    const packed = gzip(encode({ ...bundled, version: 2 }));
    const broken = packed.slice(0, packed.length - 40);
    expect(await acceptRegistry(await signed(broken), context())).toMatchObject({
      ok: false,
      code: 'bad-compression',
      reason: { key: 'refused_bad_compression', subs: [expect.any(String)] },
    });
  });
});

describe('accepting a registry', () => {
  it('accepts a newer registry signed by a trusted key, over its exact bytes', async () => {
    const result = await acceptRegistry(await signed(encode({ ...bundled, version: 2 })), context());
    expect(result).toMatchObject({ ok: true, keyId: 'key-publisher', registry: { version: 2 } });
  });

  it('checks the signature over the exact bytes: reformatting the same JSON breaks it', async () => {
    const original = await signed(encode({ ...bundled, version: 2 }));
    const reformatted = encode(JSON.stringify({ ...bundled, version: 2 }, null, 1));
    expect(await acceptRegistry({ bytes: reformatted, signature: original.signature }, context())).toMatchObject({
      ok: false,
      code: 'bad-signature',
    });
  });

  it.each([
    [
      'tampered bytes',
      async () => {
        const good = await signed(encode({ ...bundled, version: 2 }));
        const bytes = good.bytes.slice();
        bytes[bytes.length - 5] ^= 1;
        return { bytes, signature: good.signature };
      },
      'bad-signature',
    ],
    ['a signature by an untrusted key', async () => signed(encode({ ...bundled, version: 2 }), stranger.privateKey), 'bad-signature'],
    ['a malformed signature', async () => ({ bytes: encode({ ...bundled, version: 2 }), signature: 'not base64!' }), 'bad-signature'],
    ['an empty signature', async () => ({ bytes: encode({ ...bundled, version: 2 }), signature: '' }), 'bad-signature'],
    ['the same version', async () => signed(encode({ ...bundled, version: 1 })), 'not-newer'],

    ['malformed JSON', async () => signed(encode('{"schemaVersion": 1, "version": 2,')), 'not-json'],
    ['bytes that are not UTF-8', async () => signed(new Uint8Array([0x7b, 0xff, 0x7d])), 'not-json'],
    ['a schema-invalid file', async () => signed(encode({ ...bundled, version: 2, licences: [{ number: 'nonsense' }] })), 'schema'],
    ['an oversized file', async () => signed(encode({ ...bundled, version: 2, padding: 'x'.repeat(1_000_000) })), 'too-large'],
  ])('refuses %s, with a reason', async (_, make, code) => {
    const result = await acceptRegistry(await make(), context());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      // A message name, put into words by the page that shows it.
      expect(result.reason.key).toBe(`refused_${code.replace('-', '_')}`);
    }
  });

  it('gives the technical detail of a refusal as substitutions', async () => {
    const oversized = await signed(encode({ ...bundled, version: 2, padding: 'x'.repeat(1_000_000) }));
    expect(await acceptRegistry(oversized, context())).toMatchObject({
      reason: { key: 'refused_too_large', subs: [String(oversized.bytes.length), '1000000'] },
    });
    const malformed = await acceptRegistry(await signed(encode('{"version": 2,')), context());
    expect(malformed).toMatchObject({ reason: { key: 'refused_not_json', subs: [expect.stringMatching(/JSON/)] } });
    const invalid = await acceptRegistry(await signed(encode({ ...bundled, version: 2, licences: [{ number: 'nonsense' }] })), context());
    expect(invalid).toMatchObject({ reason: { key: 'refused_schema', subs: [expect.stringContaining('licences')] } });
    expect(await acceptRegistry(await signed(encode({ ...bundled, version: 2 })), { ...context(), trustedKeys: [] })).toMatchObject({
      reason: { key: 'refused_bad_signature', subs: [] },
    });
  });

  it('refuses everything when no key is trusted', async () => {
    const result = await acceptRegistry(await signed(encode({ ...bundled, version: 2 })), { ...context(), trustedKeys: [] });
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses an older version than the active one', async () => {
    const result = await acceptRegistry(await signed(encode({ ...bundled, version: 4 })), { ...context(), activeVersion: 5 });
    expect(result).toMatchObject({ ok: false, code: 'not-newer', reason: { key: 'refused_not_newer', subs: ['4', '5'] } });
  });
});
