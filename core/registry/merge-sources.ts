import type { FilingRecord, LicenceRecord, SourceRecords, StatusRecord } from '../sources/source-records';
import type { Filing, HistoryEntry, Licence, ListEntry, Provenance, Site } from './schema';

/** Where each merged field of a licence came from, while merging. */
type Origin = { source: string; date: string };
type Origins = Partial<Record<MergedField, Origin>>;

/** What the merge did with each source's records, and where sources disagreed. */
export interface MergeReport {
  /** Per source file: records read, used, not used (nothing to attach them to yet), refused. */
  counts: Map<string, { read: number; used: number; unused: number; refused: number }>;
  /** One line per field on which two sources disagreed, naming both and the one kept. */
  disagreements: string[];
  /** Records that could not be applied, with why. */
  refusals: { source: string; problem: string }[];
}

const MERGED_FIELDS = ['holder', 'legalRepresentative', 'issuedOn', 'validUntil', 'services', 'authority'] as const;
type MergedField = (typeof MERGED_FIELDS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/**
 * One licence per canonical number from every source. Documents (already merged per licence, newest issue
 * first) and licence query answers each contribute what they state; where they disagree on a field, the
 * source with the later date wins and the disagreement is reported. Filings attach their domains to the
 * licence that is their main number, or to the licence that authorised their operator; filings whose main number is
 * a filing number (备案号) also become filings of their own, so that number can be checked. Status lists set
 * the end of a licence and its times on the regulators' lists. Every field records where it came from.
 */
export function mergeSources(
  documentLicences: readonly Licence[],
  records: SourceRecords,
): { licences: Licence[]; filings: Filing[]; report: MergeReport } {
  const report: MergeReport = { counts: new Map(), disagreements: [], refusals: [] };
  const count = (source: string, outcome: 'read' | 'used' | 'unused' | 'refused') => {
    const counts = report.counts.get(source) ?? { read: 0, used: 0, unused: 0, refused: 0 };
    counts[outcome]++;
    report.counts.set(source, counts);
  };
  const refuse = (source: string, problem: string) => {
    count(source, 'refused');
    report.refusals.push({ source, problem });
  };
  for (const { source } of records.problems) {
    count(source, 'read');
    count(source, 'refused');
  }

  const byNumber = new Map<string, Licence>();
  const origins = new Map<string, Origins>();
  for (const licence of documentLicences) {
    const origin = { source: licence.sources[0], date: licence.issuedOn };
    origins.set(licence.number, Object.fromEntries(MERGED_FIELDS.filter((f) => licence[f] !== undefined).map((f) => [f, origin])));
    byNumber.set(licence.number, { ...licence, sites: licence.sites.map((site) => ({ ...site })) });
  }

  for (const record of [...records.licences].sort((a, b) => a.date.localeCompare(b.date))) {
    count(record.source, 'read');
    count(record.source, 'used');
    const existing = byNumber.get(record.number);
    const held = origins.get(record.number) ?? {};
    byNumber.set(record.number, existing ? mergeRecord(existing, held, record, report.disagreements) : licenceFrom(record));
    if (!existing) for (const field of MERGED_FIELDS) held[field] = { source: record.source, date: record.date };
    origins.set(record.number, held);
  }

  for (const row of records.authorisations) {
    count(row.source, 'read');
    const licence = byNumber.get(row.number);
    if (!licence) {
      refuse(row.source, `authorisation of ${row.company} under ${row.number}: no source describes that licence`);
      continue;
    }
    licence.authorised = [
      ...(licence.authorised ?? []).filter((a) => a.company !== row.company),
      { company: row.company, services: row.services, source: row.source },
    ];
    count(row.source, 'used');
  }

  const authorisedTo = new Map<string, Licence>();
  for (const licence of byNumber.values()) for (const a of licence.authorised ?? []) authorisedTo.set(a.company, licence);
  const filings = new Map<string, Filing>();
  for (const filing of [...records.filings].sort((a, b) => a.date.localeCompare(b.date))) {
    count(filing.source, 'read');
    const byMain = filing.main.kind === 'licence' ? byNumber.get(filing.main.canonical) : undefined;
    const licence = byMain ?? authorisedTo.get(filing.operator);
    if (licence) addFiledSite(licence, filing, byMain ? null : filing.operator);
    if (filing.main.kind === 'icp-filing') addToFiling(filings, filing);
    // A site under a licence number the registry does not describe: evidence for later, not an error.
    count(filing.source, licence || filing.main.kind === 'icp-filing' ? 'used' : 'unused');
  }

  for (const status of [...records.statuses].sort((a, b) => a.date.localeCompare(b.date))) {
    count(status.source, 'read');
    const licence = byNumber.get(status.number);
    const problem = licence ? applyStatus(licence, status) : `${status.number} (${status.holder}): no source describes that licence`;
    if (problem) refuse(status.source, `${status.date} ${status.change}: ${problem}`);
    else count(status.source, 'used');
  }

  const licences = [...byNumber.values()].map((licence) => ({ ...licence, provenance: provenanceOf(origins.get(licence.number) ?? {}) }));
  return {
    licences: licences.sort((a, b) => a.number.localeCompare(b.number)),
    filings: [...filings.values()].sort((a, b) => a.number.localeCompare(b.number)),
    report,
  };
}

/**
 * One filed site joins the filing of its main number. Records arrive oldest first, so the latest record
 * names the operator and nature, and a domain filed again keeps its latest site number and name.
 */
function addToFiling(filings: Map<string, Filing>, record: FilingRecord): void {
  const number = record.main.canonical;
  const held = filings.get(number);
  const site = { number: record.siteNumber, name: record.siteName, domain: record.domain };
  const sites = [...(held?.sites ?? []).filter((s) => s.domain !== record.domain), site];
  const sources = held?.sources.includes(record.source) ? held.sources : [...(held?.sources ?? []), record.source];
  filings.set(number, { number, operator: record.operator, nature: record.nature, sites, date: record.date, sources });
}

/** The origins grouped by source, so a licence from one source carries one short entry. */
function provenanceOf(origins: Origins): Provenance[] {
  const bySource = new Map<string, Provenance>();
  for (const field of MERGED_FIELDS) {
    const origin = origins[field];
    if (!origin) continue;
    const key = `${origin.source} ${origin.date}`;
    const entry = bySource.get(key) ?? { ...origin, fields: [] };
    entry.fields.push(field);
    bySource.set(key, entry);
  }
  return [...bySource.values()];
}

function licenceFrom(record: LicenceRecord): Licence {
  return {
    number: record.number,
    holder: record.holder,
    legalRepresentative: record.legalRepresentative,
    issuedOn: record.issuedOn,
    validUntil: record.validUntil,
    services: record.services,
    sites: [],
    history: [],
    sources: [record.source],
    ...(record.authority ? { authority: record.authority } : {}),
  };
}

/**
 * The record's fields where it is at least as new as the source each field came from (`origins`, updated);
 * a renewal keeps the old issue as history.
 */
function mergeRecord(licence: Licence, origins: Origins, record: LicenceRecord, disagreements: string[]): Licence {
  const merged: Licence = { ...licence, sources: [...new Set([...licence.sources, record.source])] };
  const origin = { source: record.source, date: record.date };
  if (record.issuedOn > licence.issuedOn) merged.history = [issueOf(licence, origins), ...licence.history];
  for (const field of MERGED_FIELDS) {
    const value = record[field] || undefined;
    if (value === undefined) continue;
    const held = origins[field];
    if (same(licence[field], value)) {
      if (!held || held.date < record.date) origins[field] = origin;
      continue;
    }
    const newer = !held || held.date <= record.date;
    if (held && licence[field] !== undefined) {
      disagreements.push(
        `${licence.number} ${field}: ${shown(licence[field])} (${held.source}, ${held.date}) and ${shown(value)} (${record.source}, ${record.date}); kept the ${newer ? 'latter' : 'former'}`,
      );
    }
    if (newer) {
      (merged as Record<MergedField, unknown>)[field] = value;
      origins[field] = origin;
    }
  }
  return merged;
}

function issueOf(licence: Licence, origins: Origins): HistoryEntry {
  return {
    issuedOn: licence.issuedOn,
    validUntil: licence.validUntil,
    holder: licence.holder,
    legalRepresentative: licence.legalRepresentative,
    services: licence.services,
    sites: licence.sites,
    source: origins.issuedOn?.source ?? licence.sources[0],
  };
}

/** A filed site joins the licence's sites; a site the documents already list keeps their details and gains its filing number. */
function addFiledSite(licence: Licence, filing: FilingRecord, operator: string | null): void {
  const listed = licence.sites.find((site) => site.domain === filing.domain);
  if (listed) {
    listed.filingNumber = filing.siteNumber;
    if (operator) listed.operator = operator;
  } else {
    const site: Site = {
      kind: 'website',
      name: filing.siteName,
      domain: filing.domain,
      services: [],
      serverLocation: '',
      accessProvider: '',
      filingNumber: filing.siteNumber,
      ...(operator ? { operator } : {}),
    };
    licence.sites = [...licence.sites, site];
  }
  if (!licence.sources.includes(filing.source)) licence.sources = [...licence.sources, filing.source];
}

const LISTS = { 'bad-operators': '不良名单', 'dishonest-operators': '失信名单' } as const;

/** Applies one status row in date order; returns why it cannot be applied, or null. */
function applyStatus(licence: Licence, status: StatusRecord): string | null {
  const { change, date, authority, reason, source } = status;
  if (change === 'cancelled' || change === 'revoked') {
    licence.end = { state: change, on: date, authority, reason, source };
  } else {
    const list = change.endsWith('bad-operators') ? 'bad-operators' : 'dishonest-operators';
    const entries: ListEntry[] = licence.lists ?? [];
    const open = entries.find((entry) => entry.list === list && entry.until === undefined);
    if (change.startsWith('entered')) {
      if (open) return `already on the ${LISTS[list]} since ${open.from}`;
      entries.push({ list, from: date, authority, reason, source });
    } else {
      if (!open) return `not on the ${LISTS[list]}, so it cannot leave it`;
      open.until = date;
    }
    licence.lists = entries;
  }
  if (!licence.sources.includes(source)) licence.sources = [...licence.sources, source];
  return null;
}
