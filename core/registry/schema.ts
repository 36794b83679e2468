import * as z from 'zod/mini';
import { isValidIsoDate } from '../dates';
import { scanNumbers } from '../grammar/scan-numbers';

const text = z.string().check(z.minLength(1));
const calendarDate = z.string().check(z.refine(isValidIsoDate, 'expected a calendar date YYYY-MM-DD'));

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const domain = z.string().check(z.regex(HOSTNAME, 'expected a lower-case host name such as example.com.cn'));

function isCanonicalLicenceNumber(value: string): boolean {
  const found = scanNumbers(value);
  return found.length === 1 && found[0].kind === 'licence' && found[0].canonical === value && !found[0].suffix;
}

export const ServiceSchema = z.object({
  code: z.optional(z.string().check(z.regex(/^[AB]\d\d$/))),
  name: text,
  scope: z.string(),
  restrictions: z.string(),
});

export const SiteSchema = z.object({
  kind: z.enum(['website', 'app']),
  name: text,
  domain,
  services: z.array(text),
  serverLocation: z.string(),
  accessProvider: z.string(),
});

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
});

export const RegistrySchema = z.object({
  schemaVersion: z.literal(1),
  version: z.int().check(z.positive()),
  generatedAt: z.iso.datetime({ offset: true }),
  licences: z
    .array(LicenceSchema)
    .check(z.refine((licences) => new Set(licences.map((l) => l.number)).size === licences.length, 'licence numbers must be unique')),
});

export type Service = z.infer<typeof ServiceSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Licence = z.infer<typeof LicenceSchema>;
export type Registry = z.infer<typeof RegistrySchema>;

/** The published JSON Schema. Unknown fields are allowed: the contract lets publishers add fields. */
export function registryJsonSchema(): object {
  return z.toJSONSchema(RegistrySchema, { io: 'input', unrepresentable: 'any' });
}
