import * as z from 'zod/mini';
import { isValidIsoDate } from '../dates';
import { scanNumbers } from '../grammar/scan-numbers';

const text = z.string().check(z.minLength(1));
const calendarDate = z.string().check(z.refine(isValidIsoDate, 'expected a calendar date YYYY-MM-DD'));

/** A lower-case host name with at least two labels, as the registry stores domains. */
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const domain = z.string().check(z.regex(HOSTNAME, 'expected a lower-case host name such as example.com.cn'));

/**
 * A domain as the registry stores it, from how documents and records write one: any case, with a scheme,
 * a path or port, a leading `www.`, or closing punctuation; null when what is left is no host name.
 */
export function registryDomain(raw: string): string | null {
  const host = raw
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/:?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/[。.]+$/, '');
  return HOSTNAME.test(host) ? host : null;
}

function isCanonical(kind: 'licence' | 'icp-filing', value: string): boolean {
  const found = scanNumbers(value);
  return found.length === 1 && found[0].kind === kind && found[0].canonical === value && !found[0].suffix;
}

const isCanonicalLicenceNumber = (value: string) => isCanonical('licence', value);
const isCanonicalFilingNumber = (value: string) => isCanonical('icp-filing', value);

/** No two entries share a number: a number is what a page shows and what a lookup finds. */
const uniqueNumbers = (what: string) =>
  z.refine<{ number: string }[]>(
    (entries) => new Set(entries.map((e) => e.number)).size === entries.length,
    `${what} numbers must be unique`,
  );

export const ServiceSchema = z.object({
  code: z.optional(z.string().check(z.regex(/^[AB]\d\d$/))),
  name: text,
  scope: z.string(),
  restrictions: z.string(),
  /** 业务覆盖范围: where the service may be offered (全国, or provinces). */
  coverage: z.optional(z.string()),
});

export const SiteSchema = z.object({
  kind: z.enum(['website', 'app']),
  name: text,
  domain,
  services: z.array(text),
  serverLocation: z.string(),
  accessProvider: z.string(),
  /** The site's own number from its ICP filing (`粤B2-20090059-5`, `京ICP备12025439号-3`), when a filing names it. */
  filingNumber: z.optional(text),
  /** The company that runs the site when it is not the holder: an authorised subsidiary. */
  operator: z.optional(text),
});

/** Fields taken from one source, and the date that source speaks for (a document's issue date, a record's date). */
export const ProvenanceSchema = z.object({ source: text, date: calendarDate, fields: z.array(text) });

/** The licence was cancelled (注销) or revoked (吊销): from `on`, by `authority`. */
export const LicenceEndSchema = z.object({
  state: z.enum(['cancelled', 'revoked']),
  on: calendarDate,
  authority: z.string(),
  reason: z.string(),
  source: text,
});

/** A time on one of the regulators' lists: from `from` until the day before `until` (open when absent). */
export const ListEntrySchema = z.object({
  list: z.enum(['bad-operators', 'dishonest-operators']),
  from: calendarDate,
  until: z.optional(calendarDate),
  authority: z.string(),
  reason: z.string(),
  source: text,
});

/** A company the holder authorised to run services under this licence (授权). */
export const AuthorisationSchema = z.object({ company: text, services: z.array(text), source: text });

/** A value the builder repaired or inferred from a document's recognition errors, for a person to check against the scan. */
export const RepairSchema = z.object({ source: text, field: text, value: z.string(), seen: z.string(), repair: text });

export const HistoryEntrySchema = z.object({
  issuedOn: calendarDate,
  validUntil: calendarDate,
  holder: z.optional(text),
  legalRepresentative: text,
  services: z.optional(z.array(ServiceSchema)),
  sites: z.array(SiteSchema),
  source: text,
});

export const LicenceSchema = z.object({
  number: z.string().check(z.refine(isCanonicalLicenceNumber, 'expected a licence number in canonical form, e.g. 渝B2-20210467')),
  holder: text,
  legalRepresentative: text,
  issuedOn: calendarDate,
  validUntil: calendarDate,
  services: z.array(ServiceSchema),
  sites: z.array(SiteSchema),
  history: z.array(HistoryEntrySchema),
  sources: z.array(text),
  // Added after the first published version; optional, so files without them stay valid and readers that
  // predate them still read files that have them.
  /** 发证机关, the authority that issued the licence. */
  authority: z.optional(text),
  end: z.optional(LicenceEndSchema),
  lists: z.optional(z.array(ListEntrySchema)),
  authorised: z.optional(z.array(AuthorisationSchema)),
  /** Where the merged fields were taken from: per source, the fields it gave (the newest source that stated each). */
  provenance: z.optional(z.array(ProvenanceSchema)),
  /** Values of its documents that were repaired or inferred, in the order of `sources`. */
  repairs: z.optional(z.array(RepairSchema)),
});

/** One site an ICP filing lists, with its own number: the filing's number and the site's `-N`. */
export const FiledSiteSchema = z.object({
  number: text,
  name: text,
  domain,
});

/**
 * An ICP filing (备案) whose main number is a filing number, not a licence: the operator holds no licence,
 * but the regulator's filing system names it and the domains it runs, so the number is checkable.
 */
export const FilingSchema = z.object({
  number: z.string().check(z.refine(isCanonicalFilingNumber, 'expected an ICP filing number in canonical form, e.g. 京ICP备12025439')),
  operator: text,
  /** 企业, 个人, 事业单位 … as the filing names it; may be empty. */
  nature: z.string(),
  sites: z.array(FiledSiteSchema),
  /** The latest record time of its sites. */
  date: calendarDate,
  sources: z.array(text),
});

const headerFields = {
  schemaVersion: z.literal(1),
  version: z.int().check(z.positive()),
  generatedAt: z.iso.datetime({ offset: true }),
};

/** The fields of a registry beside its records: a registry read as it arrives is checked record by record and against this. */
export const RegistryHeaderSchema = z.object(headerFields);

export const RegistrySchema = z.object({
  ...headerFields,
  licences: z.array(LicenceSchema).check(uniqueNumbers('licence')),
  // Added later, optional: a registry without filings is read, and decides, exactly as before.
  filings: z.optional(z.array(FilingSchema).check(uniqueNumbers('filing'))),
});

export type Service = z.infer<typeof ServiceSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Licence = z.infer<typeof LicenceSchema>;
export type LicenceEnd = z.infer<typeof LicenceEndSchema>;
export type ListEntry = z.infer<typeof ListEntrySchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Repair = z.infer<typeof RepairSchema>;
export type Registry = z.infer<typeof RegistrySchema>;
export type Filing = z.infer<typeof FilingSchema>;
export type FiledSite = z.infer<typeof FiledSiteSchema>;

/** The published JSON Schema. Unknown fields are allowed: the contract lets publishers add fields. */
export function registryJsonSchema(): object {
  return z.toJSONSchema(RegistrySchema, { io: 'input', unrepresentable: 'any' });
}
