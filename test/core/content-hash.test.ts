import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentSum, registryContentHash, type RecordKind } from '../../core/registry/content-hash';
import { RegistrySchema, type Filing, type Licence, type Registry } from '../../core/registry/schema';
import { filing, licence, registry } from './registry-arbitraries';

// The definition in docs/registry-format.md, computed another way: node's SHA-256, BigInt arithmetic.
const MODULUS = 1n << 256n;
const digestAsInteger = (kind: RecordKind, record: Licence | Filing) =>
  BigInt(
    `0x${Buffer.from(
      createHash('sha256')
        .update(`${kind}\n${JSON.stringify(record)}`, 'utf8')
        .digest(),
    )
      .reverse()
      .toString('hex')}`,
  );
/** `n` modulo 2^256 as 32 little-endian bytes in hex. */
function littleEndianHex(n: bigint): string {
  const bigEndian = (((n % MODULUS) + MODULUS) % MODULUS).toString(16).padStart(64, '0');
  return Buffer.from(bigEndian, 'hex').reverse().toString('hex');
}
const independentHash = (r: Registry) =>
  littleEndianHex(
    [...r.licences.map((l) => digestAsInteger('licence', l)), ...(r.filings ?? []).map((f) => digestAsInteger('filing', f))].reduce(
      (a, b) => a + b,
      0n,
    ),
  );

// Keys out of the schema's order, an unknown field, and a filing: the hash is of the parsed form.
const TINY = `{
  "version": 3, "schemaVersion": 1, "generatedAt": "2026-11-22T08:00:00+08:00",
  "licences": [{ "holder": "北京淘车科技有限公司", "number": "京B2-20190486", "legalRepresentative": "王剑炜",
    "issuedOn": "2020-01-08", "validUntil": "2024-03-06", "services": [], "history": [], "sources": ["a.txt"],
    "sites": [{ "domain": "etaoche.cn", "kind": "website", "name": "淘车", "services": [], "serverLocation": "", "accessProvider": "" }],
    "publisherNote": "dropped by the schema" }],
  "filings": [{ "number": "京ICP备12025439", "operator": "北京示例网络科技有限公司", "nature": "企业", "date": "2025-03-12",
    "sites": [{ "number": "京ICP备12025439-1", "name": "示例资讯", "domain": "shili-news.cn" }], "sources": ["f.jsonl"] }]
}`;
const tiny = RegistrySchema.parse(JSON.parse(TINY));

describe('registryContentHash', () => {
  it('is the sum of the records’ SHA-256 digests, little-endian modulo 2^256, over their parsed form (known answer)', () => {
    expect(registryContentHash(tiny)).toBe(independentHash(tiny));
    // Pinned: readers and publishers of other versions must agree on it.
    expect(registryContentHash(tiny)).toBe('660a5141498cf7f260e7ead860e6f7a1d7fca9cf0331fd4bbfbe9e72c73ad23d');
  });

  it('is zeros for no records, and a lone record’s own SHA-256', () => {
    expect(registryContentHash({ ...tiny, licences: [], filings: undefined })).toBe('0'.repeat(64));
    const [only] = tiny.licences;
    expect(registryContentHash({ ...tiny, filings: [], licences: [only] })).toBe(
      createHash('sha256')
        .update(`licence\n${JSON.stringify(only)}`)
        .digest('hex'),
    );
  });

  it('does not depend on the version, the date or how the file spells its records', () => {
    const respelt = RegistrySchema.parse({ ...JSON.parse(JSON.stringify(tiny)), version: 9, generatedAt: '2027-01-01T00:00:00Z' });
    expect(registryContentHash(respelt)).toBe(registryContentHash(tiny));
  });

  it('tells a licence from a filing with the same JSON, and a changed record from the original', () => {
    const sum = (kind: RecordKind) => {
      const s = ContentSum.empty();
      s.add(kind, tiny.filings![0]);
      return s.hex();
    };
    expect(sum('licence')).not.toBe(sum('filing'));
    const changed = { ...tiny, licences: [{ ...tiny.licences[0], holder: '别的公司' }] };
    expect(registryContentHash(changed)).not.toBe(registryContentHash(tiny));
  });

  it('agrees with the independent computation on generated registries', () => {
    fc.assert(fc.property(registry(), (r) => registryContentHash(r) === independentHash(r)));
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(
        registry().chain((r) =>
          fc.record({
            r: fc.constant(r),
            licences: fc.shuffledSubarray(r.licences, { minLength: r.licences.length }),
            filings: fc.shuffledSubarray(r.filings ?? [], { minLength: (r.filings ?? []).length }),
          }),
        ),
        ({ r, licences, filings }) => registryContentHash({ ...r, licences, filings }) === registryContentHash(r),
      ),
    );
  });
});

describe('ContentSum', () => {
  const records = fc.array(fc.oneof(fc.tuple(fc.constant('licence' as const), licence), fc.tuple(fc.constant('filing' as const), filing)), {
    maxLength: 12,
  });

  it('removing undoes adding, in any order, through every carry and borrow', () => {
    fc.assert(
      fc.property(records, records, (kept, passing) => {
        const sum = ContentSum.empty();
        // Removed before they are added: the sum goes below zero and comes back modulo 2^256.
        for (const [kind, record] of passing) sum.remove(kind, record);
        for (const [kind, record] of kept) sum.add(kind, record);
        for (const [kind, record] of [...passing].reverse()) sum.add(kind, record);
        const expected = kept.reduce((total, [kind, record]) => total + digestAsInteger(kind, record), 0n);
        return sum.hex() === littleEndianHex(expected);
      }),
    );
  });

  it('goes on from a hex it wrote', () => {
    fc.assert(
      fc.property(records, records, (first, second) => {
        const whole = ContentSum.empty();
        const part = ContentSum.empty();
        for (const [kind, record] of first) [whole, part].forEach((s) => s.add(kind, record));
        const resumed = ContentSum.fromHex(part.hex())!;
        for (const [kind, record] of second) [whole, resumed].forEach((s) => s.add(kind, record));
        return resumed.hex() === whole.hex() && /^[0-9a-f]{64}$/.test(whole.hex());
      }),
    );
  });

  it.each(['', 'abc', '0'.repeat(63), '0'.repeat(65), 'A'.repeat(64), `${'0'.repeat(63)}g`, ` ${'0'.repeat(64)}`, `${'0'.repeat(64)}\n`])(
    'fromHex refuses %j',
    (hex) => {
      expect(ContentSum.fromHex(hex)).toBeNull();
    },
  );

  it('fromHex reads any 64 lower-case hex digits', () => {
    const hex = `${'0123456789abcdef'.repeat(4)}`;
    expect(ContentSum.fromHex(hex)?.hex()).toBe(hex);
  });
});
