import type { Site } from '../registry/schema';
import { chinesePunctuation } from './clean-lines';
import { DocumentError } from './document-error';
import { isConditionsStart, isPageFurniture, readLabel, readSiteSectionHeading, type Label } from './labels';
import { appendContinuation, repairBracketsInName, repairStoreNames } from './repairs';

type SiteField = 'name' | 'domain' | 'serverLocation' | 'accessProvider';

interface DraftSite {
  kind: Site['kind'];
  service: string | undefined;
  fields: Partial<Record<SiteField, string>>;
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

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

function splitDomains(value: string, source: string): string[] {
  return value
    .split(/[、,，;；\s]+/)
    .filter(Boolean)
    .map((raw) => {
      const host = raw
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .replace(/^www\./, '');
      if (!HOST.test(host)) throw new DocumentError(source, FIELD_LABELS.domain, `"${raw}" is not a domain`);
      return host;
    });
}

function cleanValue(field: SiteField, value: string): string {
  if (field === 'accessProvider') return chinesePunctuation(repairStoreNames(repairBracketsInName(value)));
  return chinesePunctuation(value);
}

/** Collects the annex's site entries (label/value lines grouped under service headings) into sites. */
export function parseSites(lines: readonly string[], source: string): { sites: Site[]; headingHolders: string[] } {
  const drafts: DraftSite[] = [];
  const headingHolders: string[] = [];
  let service: string | undefined;
  let current: DraftSite | undefined;
  let open: SiteField | undefined;

  for (const line of lines) {
    if (isConditionsStart(line)) break;
    const heading = readSiteSectionHeading(line);
    if (heading) {
      service = heading.service;
      headingHolders.push(heading.holder);
      current = undefined;
      open = undefined;
      continue;
    }
    if (isPageFurniture(line)) continue;
    const labelled = readLabel(line);
    const field = labelled && FIELD_OF[labelled.label];
    if (labelled && field) {
      if (field === 'name') {
        current = { kind: labelled.label === 'appName' ? 'app' : 'website', service, fields: {} };
        drafts.push(current);
      } else if (!current) {
        throw new DocumentError(source, FIELD_LABELS[field], `"${line}" comes before any site name`);
      }
      current.fields[field] = labelled.value;
      open = field;
    } else if (labelled) {
      open = undefined;
    } else if (current && open) {
      current.fields[open] = appendContinuation(current.fields[open] ?? '', line);
    }
  }

  const sites: Site[] = [];
  for (const draft of drafts) {
    for (const field of Object.keys(FIELD_LABELS) as SiteField[]) {
      if (!draft.fields[field]) {
        const which = draft.fields.name ? `site "${draft.fields.name}"` : 'a site';
        throw new DocumentError(source, FIELD_LABELS[field], `missing for ${which}`);
      }
    }
    const { name, domain, serverLocation, accessProvider } = draft.fields as Record<SiteField, string>;
    for (const host of splitDomains(domain, source)) {
      mergeSite(sites, {
        kind: draft.kind,
        name: cleanValue('name', name),
        domain: host,
        services: draft.service ? [draft.service] : [],
        serverLocation: cleanValue('serverLocation', serverLocation),
        accessProvider: cleanValue('accessProvider', accessProvider),
      });
    }
  }
  return { sites, headingHolders };
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
