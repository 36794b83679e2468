// Small, valid licences and filings for property tests of content hashes and deltas: parsed by the schema,
// as readers hold them, so a generator that drifts from the schema fails loudly instead of testing nothing.
import fc from 'fast-check';
import { FilingSchema, LicenceSchema, RegistrySchema, type Filing, type Licence, type Registry } from '../../core/registry/schema';

const REGIONS = ['京', '沪', '粤', '川', '渝'];
// Serials from a small range, so that two generated records often share a number (a change, not an addition).
const serial = fc.integer({ min: 20190101, max: 20190140 });
const word = fc.constantFrom('甲', '乙', '丙', '丁', 'A', 'B');
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `${w.join('')}科技有限公司`);
const domain = fc.constantFrom('a.cn', 'b.com.cn', 'shop.c.cn', 'd.com');

export const licenceNumber = fc.tuple(fc.constantFrom(...REGIONS), serial).map(([region, n]) => `${region}B2-${n}`);
export const filingNumber = fc.tuple(fc.constantFrom(...REGIONS), serial).map(([region, n]) => `${region}ICP备${n}`);

export const licenceWith = (number: fc.Arbitrary<string>): fc.Arbitrary<Licence> =>
  fc
    .record({ number, holder: name, domain, site: name, withAuthority: fc.boolean() })
    .map(({ number, holder, domain, site, withAuthority }) =>
      LicenceSchema.parse({
        number,
        holder,
        legalRepresentative: '张三',
        issuedOn: '2020-01-08',
        validUntil: '2025-01-08',
        services: [{ name: '信息服务业务', scope: '', restrictions: '' }],
        sites: [{ kind: 'website', name: site, domain, services: [], serverLocation: '', accessProvider: '' }],
        history: [],
        sources: ['doc.txt'],
        ...(withAuthority ? { authority: '工业和信息化部' } : {}),
      }),
    );

export const filingWith = (number: fc.Arbitrary<string>): fc.Arbitrary<Filing> =>
  fc.record({ number, operator: name, domain, site: name }).map(({ number, operator, domain, site }) =>
    FilingSchema.parse({
      number,
      operator,
      nature: '企业',
      sites: [{ number: `${number}-1`, name: site, domain }],
      date: '2025-03-12',
      sources: ['f.jsonl'],
    }),
  );

export const licence = licenceWith(licenceNumber);
export const filing = filingWith(filingNumber);

/** A registry of unique numbers, with or without filings. */
export const registry = (version: fc.Arbitrary<number> = fc.integer({ min: 1, max: 1000 })): fc.Arbitrary<Registry> =>
  fc
    .record({
      version,
      licences: fc.uniqueArray(licence, { selector: (l) => l.number, maxLength: 8 }),
      filings: fc.option(fc.uniqueArray(filing, { selector: (f) => f.number, maxLength: 6 }), { nil: undefined }),
    })
    .map(({ version, licences, filings }) =>
      RegistrySchema.parse({ schemaVersion: 1, version, generatedAt: '2026-11-22T00:00:00Z', licences, ...(filings ? { filings } : {}) }),
    );
