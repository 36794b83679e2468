import { registryDomain, type Site } from '../registry/schema';
import { chinesePunctuation } from './clean-lines';
import { DocumentError } from './document-error';
import { isConditionsStart, isPageFurniture, readLabel, readSiteSectionHeading, type Label } from './labels';
import type { RepairLog } from './repair-log';
import { repairBracketsInName, repairStoreNames, repeatsEnding } from './repairs';

type SiteField = 'name' | 'domain' | 'serverLocation' | 'accessProvider';

interface DraftSite {
  kind: Site['kind'];
  service: string | undefined;
  fields: Partial<Record<SiteField, string>>;
  /** Continuation lines dropped as duplicated fragments, by field. */
  dropped: [SiteField, string][];
}

const FIELD_OF: Partial<Record<Label, SiteField>> = {
  websiteName: 'name',
  appName: 'name',
  domain: 'domain',
  serverLocation: 'serverLocation',
  accessProvider: 'accessProvider',
};

const FIELD_LABELS: Record<SiteField, string> = {
  name: '网站名称/APP名称',
  domain: '网站域名/APP域名',
  serverLocation: '服务器放置地',
  accessProvider: '接入服务提供单位',
};

// The header cells of a site table, by the field of their column.
const COLUMN_OF: [SiteField, RegExp][] = [
  ['name', /名称/],
  ['domain', /域名/],
  ['serverLocation', /服务器放置地/],
  ['accessProvider', /接入/],
];

export interface ParsedSites {
  sites: Site[];
  /** Holders named by the annex headings, to be compared with the licence's. */
  headingHolders: string[];
  /** Parts of the annex that could not be read and were left out. */
  problems: DocumentError[];
}

/**
 * A domain field: one or several hosts separated by `、 , ; ` or white space, in any case, with a scheme,
 * a path, a leading `www.` or closing punctuation the scan kept. A part that is no host is a problem.
 */
function splitDomains(value: string, source: string, problems: DocumentError[]): string[] {
  return value
    .split(/[、,，;；\s]+/)
    .filter(Boolean)
    .flatMap((raw) => {
      const host = registryDomain(raw);
      if (host) return [host];
      problems.push(new DocumentError(source, FIELD_LABELS.domain, `"${raw}" is not a domain; left out`));
      return [];
    });
}

function cellsOf(row: string): string[] {
  return row
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** The columns of a site table's header row (`| 序号 | 网站名称 | 网站域名 | … |`), or null for another row. */
function readTableHeader(line: string): { kind: Site['kind']; columns: Partial<Record<SiteField, number>> } | null {
  if (!line.startsWith('|')) return null;
  const cells = cellsOf(line);
  const columns: Partial<Record<SiteField, number>> = {};
  for (const [field, pattern] of COLUMN_OF) {
    const at = cells.findIndex((cell) => pattern.test(cell));
    if (at >= 0) columns[field] = at;
  }
  if (columns.name === undefined || columns.domain === undefined) return null;
  return { kind: /APP/i.test(cells[columns.name]) ? 'app' : 'website', columns };
}

/**
 * Collects the annex's site entries into sites: label/value lines, or rows of a site table, grouped
 * under service headings. Values continue on the next lines, across page breaks.
 */
export function parseSites(lines: readonly string[], source: string, log: RepairLog): ParsedSites {
  const drafts: DraftSite[] = [];
  const headingHolders: string[] = [];
  const problems: DocumentError[] = [];
  let service: string | undefined;
  let current: DraftSite | undefined;
  let open: SiteField | undefined;
  let table: ReturnType<typeof readTableHeader> = null;

  for (const line of lines) {
    if (isConditionsStart(line)) break;
    const heading = readSiteSectionHeading(line);
    if (heading) {
      service = heading.service;
      headingHolders.push(heading.holder);
      current = undefined;
      open = undefined;
      table = null;
      continue;
    }
    if (isPageFurniture(line)) continue;
    const header = readTableHeader(line);
    if (header) {
      table = header;
      open = undefined;
      continue;
    }
    if (table && line.startsWith('|')) {
      const cells = cellsOf(line);
      if (cells.every((cell) => /^[-:\s]*$/.test(cell))) continue;
      const fields: DraftSite['fields'] = {};
      for (const [field, at] of Object.entries(table.columns) as [SiteField, number][]) fields[field] = cells[at] ?? '';
      drafts.push({ kind: table.kind, service, fields, dropped: [] });
      continue;
    }
    table = null;
    const labelled = readLabel(line);
    const field = labelled && FIELD_OF[labelled.label];
    if (labelled && field) {
      if (field === 'name') {
        current = { kind: labelled.label === 'appName' ? 'app' : 'website', service, fields: {}, dropped: [] };
        drafts.push(current);
      } else if (!current) {
        problems.push(new DocumentError(source, FIELD_LABELS[field], `"${line}" comes before any site name; left out`));
        open = undefined;
        continue;
      }
      current.fields[field] = labelled.value;
      open = field;
    } else if (labelled) {
      open = undefined;
    } else if (current && open) {
      const value = current.fields[open] ?? '';
      if (repeatsEnding(value, line)) current.dropped.push([open, line]);
      else current.fields[open] = value + line;
    }
  }

  const sites: Site[] = [];
  for (const draft of drafts) {
    const which = draft.fields.name ? `site "${draft.fields.name}"` : 'a site';
    if (!draft.fields.name || !draft.fields.domain) {
      const field = draft.fields.name ? 'domain' : 'name';
      problems.push(new DocumentError(source, FIELD_LABELS[field], `missing for ${which}; the site is left out`));
      continue;
    }
    for (const field of ['serverLocation', 'accessProvider'] as const) {
      if (!draft.fields[field]) problems.push(new DocumentError(source, FIELD_LABELS[field], `missing for ${which}`));
    }
    const { name, domain, serverLocation = '', accessProvider = '' } = draft.fields;
    const hosts = splitDomains(domain, source, problems);
    const where = (field: SiteField) => `${hosts.join('、') || domain}: ${FIELD_LABELS[field]}`;
    for (const [field, line] of draft.dropped) {
      log.note(where(field), `${draft.fields[field]}${line}`, draft.fields[field] ?? '', 'a line repeating the end of the value dropped');
    }
    const bracketed = repairBracketsInName(accessProvider);
    const provider = chinesePunctuation(repairStoreNames(bracketed));
    if (bracketed !== accessProvider) log.note(where('accessProvider'), accessProvider, provider, 'brackets read as 、 restored');
    if (repairStoreNames(bracketed) !== bracketed) {
      log.note(where('accessProvider'), accessProvider, provider, 'store name that lost its first letter restored');
    }
    for (const host of hosts) {
      mergeSite(sites, {
        kind: draft.kind,
        name: chinesePunctuation(name),
        domain: host,
        services: draft.service ? [draft.service] : [],
        serverLocation: chinesePunctuation(serverLocation),
        accessProvider: provider,
      });
    }
  }
  return { sites, headingHolders, problems };
}

/** A site listed under several services is one site with several services. */
function mergeSite(sites: Site[], site: Site): void {
  const same = sites.find((s) => s.kind === site.kind && s.domain === site.domain);
  if (!same) {
    sites.push(site);
    return;
  }
  for (const service of site.services) if (!same.services.includes(service)) same.services.push(service);
}
