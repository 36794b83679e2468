import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptRegistry, type RecordSink, type TrustedKey } from '../../core/update/accept-registry';
import { DuplicateNumberError } from '../../core/registry/registry-source';
import type { Filing, Licence } from '../../core/registry/schema';
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

/** Holds what is accepted, refusing a number twice as the store does: after `add` has returned, as the store's writing does. */
function memorySink(): RecordSink & { licences: Licence[]; filings: Filing[]; batches: number } {
  let failure: DuplicateNumberError | undefined;
  const sink = {
    licences: [] as Licence[],
    filings: [] as Filing[],
    batches: 0,
    async add(licences: readonly Licence[], filings: readonly Filing[]) {
      await sink.written();
      sink.batches++;
      for (const l of licences) {
        if (sink.licences.some((s) => s.number === l.number)) failure ??= new DuplicateNumberError('licence', l.number);
        sink.licences.push(l);
      }
      sink.filings.push(...filings);
    },
    async written() {
      if (failure) throw failure;
    },
  };
  return sink;
}

/** acceptRegistry with a fresh sink, as the installer calls it with a fresh generation. */
const accept = (candidate: Parameters<typeof acceptRegistry>[0], ctx: Parameters<typeof acceptRegistry>[1]) =>
  acceptRegistry(candidate, ctx, memorySink());

const context = () => ({ subtle, trustedKeys: trusted, activeVersion: 1, maxBytes: 1_000_000, maxUnpackedBytes: 2_000_000 });
const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));
const signed = async (bytes: Uint8Array<ArrayBuffer>, key = publisher.privateKey) => ({ bytes, signature: await sign(subtle, key, bytes) });

describe('a gzip-compressed registry', () => {
  it('is accepted when the signature covers the compressed bytes as downloaded', async () => {
    const plain = encode({ ...bundled, version: 2 });
    const packed = gzip(plain);
    expect(packed.length).toBeLessThan(plain.length / 3);
    expect(await accept(await signed(packed), context())).toMatchObject({ ok: true, header: { version: 2 } });
  });

  it('is refused when the signature covers the uncompressed bytes instead', async () => {
    const plain = encode({ ...bundled, version: 2 });
    const { signature } = await signed(plain);
    expect(await accept({ bytes: gzip(plain), signature }, context())).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('is refused, without holding more than the limit, when it inflates past it', async () => {
    // 3 MB of spaces compress to a few kilobytes: a small download that would not stop growing.
    const bomb = gzip(new TextEncoder().encode(`${' '.repeat(3_000_000)}{}`));
    expect(bomb.length).toBeLessThan(10_000);
    expect(await accept(await signed(bomb), context())).toEqual({
      ok: false,
      code: 'too-large',
      reason: { key: 'refused_too_large_unpacked', subs: ['2000000'] },
    });
  });

  it('is refused with the reason when its compressed data is broken', async () => {
    const packed = gzip(encode({ ...bundled, version: 2 }));
    const broken = packed.slice(0, packed.length - 40);
    expect(await accept(await signed(broken), context())).toMatchObject({
      ok: false,
      code: 'bad-compression',
      reason: { key: 'refused_bad_compression', subs: [expect.any(String)] },
    });
  });
});

describe('accepting a registry', () => {
  it('accepts a newer registry signed by a trusted key, over its exact bytes', async () => {
    const result = await accept(await signed(encode({ ...bundled, version: 2 })), context());
    expect(result).toMatchObject({ ok: true, keyId: 'key-publisher', header: { version: 2 } });
  });

  it('checks the signature over the exact bytes: reformatting the same JSON breaks it', async () => {
    const original = await signed(encode({ ...bundled, version: 2 }));
    const reformatted = encode(JSON.stringify({ ...bundled, version: 2 }, null, 1));
    expect(await accept({ bytes: reformatted, signature: original.signature }, context())).toMatchObject({
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
    const result = await accept(await make(), context());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      // A message name, put into words by the page that shows it.
      expect(result.reason.key).toBe(`refused_${code.replace('-', '_')}`);
    }
  });

  it('gives the technical detail of a refusal as substitutions', async () => {
    const oversized = await signed(encode({ ...bundled, version: 2, padding: 'x'.repeat(1_000_000) }));
    expect(await accept(oversized, context())).toMatchObject({
      reason: { key: 'refused_too_large', subs: [String(oversized.bytes.length), '1000000'] },
    });
    const malformed = await accept(await signed(encode('{"version": 2,')), context());
    expect(malformed).toMatchObject({
      reason: {
        key: 'refused_not_json',
        subs: [expect.stringMatching(/^the text ends before the registry object does \(at character \d+\)$/)],
      },
    });
    const invalid = await accept(await signed(encode({ ...bundled, version: 2, licences: [{ number: 'nonsense' }] })), context());
    expect(invalid).toMatchObject({ reason: { key: 'refused_schema', subs: [expect.stringMatching(/^licences\[0\] \(nonsense\): /)] } });
    expect(await accept(await signed(encode({ ...bundled, version: 2 })), { ...context(), trustedKeys: [] })).toMatchObject({
      reason: { key: 'refused_bad_signature', subs: [] },
    });
  });

  it('refuses everything when no key is trusted', async () => {
    const result = await accept(await signed(encode({ ...bundled, version: 2 })), { ...context(), trustedKeys: [] });
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses an older version than the active one', async () => {
    const result = await accept(await signed(encode({ ...bundled, version: 4 })), { ...context(), activeVersion: 5 });
    expect(result).toMatchObject({ ok: false, code: 'not-newer', reason: { key: 'refused_not_newer', subs: ['4', '5'] } });
  });
});

describe('reading a registry as it decompresses', () => {
  const v2 = { ...bundled, version: 2 };

  it('hands every record to the sink in batches, in order, in any layout, with the header anywhere', async () => {
    const many = {
      ...v2,
      licences: Array.from({ length: 600 }, (_, i) => ({ ...bundled.licences[0], number: `京B2-2${String(i).padStart(7, '0')}` })),
    };
    const { licences, ...header } = many;
    const layouts = [
      JSON.stringify(many),
      JSON.stringify(many, null, 2),
      `{"licences":[\n${licences.map((l: unknown) => JSON.stringify(l)).join(',\n')}\n],${JSON.stringify(header).slice(1)}`,
    ];
    for (const text of layouts) {
      const sink = memorySink();
      const result = await acceptRegistry(
        await signed(gzip(encode(text))),
        { ...context(), maxBytes: 10_000_000, maxUnpackedBytes: 10_000_000 },
        sink,
      );
      expect(result).toMatchObject({ ok: true, header: { schemaVersion: 1, version: 2, generatedAt: bundled.generatedAt } });
      expect(sink.licences.map((l) => l.number)).toEqual(many.licences.map((l: Licence) => l.number));
      expect(sink.licences[599]).toEqual(many.licences[599]);
      expect(sink.batches).toBe(3);
      if (result.ok) expect([result.tally.licences, result.tally.filingList]).toEqual([600, false]);
    }
  });

  it.each([
    [
      'a number twice',
      { ...v2, licences: [bundled.licences[0], bundled.licences[1], bundled.licences[0]] },
      `licence ${bundled.licences[0].number} appears more than once: numbers must be unique`,
    ],
    [
      'no list of licences',
      { schemaVersion: 1, version: 2, generatedAt: bundled.generatedAt },
      'licences: the registry has no list of licences',
    ],
    ['licences that are not a list', { ...v2, licences: {} }, 'licences: expected an array'],
    ['a header without its date', { schemaVersion: 1, version: 2, licences: [] }, expect.stringContaining('generatedAt')],
    [
      'a filing that is not one',
      { ...v2, filings: [{ number: '京ICP备12025439', operator: '' }] },
      expect.stringMatching(/^filings\[0\] \(京ICP备12025439\): /),
    ],
  ])('refuses %s, saying where', async (_, registry, detail) => {
    expect(await accept(await signed(encode(registry)), context())).toEqual({
      ok: false,
      code: 'schema',
      reason: { key: 'refused_schema', subs: [detail] },
    });
  });

  it('stops reading at an old version, before handing any record on', async () => {
    const sink = memorySink();
    const result = await acceptRegistry(await signed(encode({ ...bundled, version: 1 })), context(), sink);
    expect(result).toMatchObject({ ok: false, code: 'not-newer' });
    expect(sink.batches).toBe(0);
  });

  it.each([
    ['text after the object', `${JSON.stringify(v2)} {}`, /^unexpected text after the registry object/],
    ['a record that is not JSON', JSON.stringify(v2).replace('"licences":[{', '"licences":[{,'), /^licence 1 is not valid JSON: /],
    ['an array instead of an object', '[]', /^a registry is one JSON object, starting with \{/],
  ])('refuses %s as not JSON, saying what', async (_, text, detail) => {
    expect(await accept(await signed(encode(text)), context())).toMatchObject({
      ok: false,
      code: 'not-json',
      reason: { subs: [expect.stringMatching(detail)] },
    });
  });
});
