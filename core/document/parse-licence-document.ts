import { isoDate } from '../dates';
import { regionsNamedIn } from './region-names';
import { scanNumbers } from '../grammar/scan-numbers';
import type { Service, Site } from '../registry/schema';
import { chinesePunctuation, cleanLines } from './clean-lines';
import { DocumentError } from './document-error';
import { isConditionsStart, isPageFurniture, isServicesAnnexHeading, readLabel, readSiteSectionHeading, type Label } from './labels';
import { parseServices } from './parse-services';
import { parseSites } from './parse-sites';
import { repairBracketsInName } from './repairs';

/** One issue of a licence, as one document states it. */
export interface LicenceIssue {
  number: string;
  holder: string;
  legalRepresentative: string;
  issuedOn: string;
  validUntil: string;
  services: Service[];
  sites: Site[];
  source: string;
}

export interface ParsedDocument {
  issue: LicenceIssue;
  /** Doubts that did not stop the parse, for the person building the registry. */
  warnings: string[];
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/**
 * The licence number a document states. Each page repeats it, so a copy with a stray character before
 * it (`告渝B2-…`) or with its region lost (`///B2-…`) is repaired from the others; copies that disagree
 * on the serial cannot be repaired.
 */
function resolveNumber(lines: readonly string[], source: string): string {
  const found = lines.flatMap((line) => scanNumbers(line)).filter((m) => m.kind === 'licence');
  if (found.length === 0) throw new DocumentError(source, '经营许可证编号', 'no licence number found');
  const bodies = new Set(found.map((m) => (m.region ? m.canonical.slice(m.region.length) : m.canonical)));
  if (bodies.size > 1)
    throw new DocumentError(source, '经营许可证编号', `the document states different numbers: ${[...bodies].join(', ')}`);
  const regions = new Set(found.flatMap((m) => (m.region ? [m.region] : [])));
  if (regions.size > 1)
    throw new DocumentError(source, '经营许可证编号', `the document states different regions: ${[...regions].join(', ')}`);
  return `${[...regions][0] ?? ''}${[...bodies][0]}`;
}

function parseDate(text: string, source: string, field: string): string {
  const m = DATE.exec(text);
  const date = m && isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date) throw new DocumentError(source, field, `"${text}" is not a date`);
  return date;
}

const FIELD_NAMES: Partial<Record<Label, string>> = {
  holder: '公司名称',
  legalRepresentative: '法定代表人',
  issuedOn: '发证日期',
  validUntil: '有效期至',
};

/**
 * Reads the first page's labelled fields. The layout can put a label on one line and its value on a
 * later one, after other labels (发证日期: / 有效期至: / date / date): labels without a value wait in
 * order for the next unlabelled lines.
 */
function readFrontPage(lines: readonly string[]) {
  const values: Partial<Record<Label, string>> = {};
  const waiting: Label[] = [];
  const servicesCell: string[] = [];
  let inServicesCell = false;
  for (const line of lines) {
    if (isConditionsStart(line) || isServicesAnnexHeading(line) || readSiteSectionHeading(line)) break;
    const labelled = readLabel(line);
    if (labelled?.label === 'services') {
      inServicesCell = !/^业务种类见附页/.test(line);
      if (inServicesCell) servicesCell.push(labelled.value);
      continue;
    }
    if (labelled && labelled.label in FIELD_NAMES) {
      inServicesCell = false;
      if (labelled.value) values[labelled.label] = labelled.value;
      else waiting.push(labelled.label);
      continue;
    }
    if (labelled || isPageFurniture(line)) {
      inServicesCell = false;
      continue;
    }
    if (inServicesCell) servicesCell.push(line);
    else if (waiting.length > 0) values[waiting.shift() as Label] = line;
  }
  return { values, servicesCell };
}

function servicesAnnex(lines: readonly string[]): string[] {
  const start = lines.findIndex(isServicesAnnexHeading);
  if (start < 0) return [];
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (isConditionsStart(line) || readSiteSectionHeading(line) || readLabel(line)) break;
    if (!isPageFurniture(line)) block.push(line);
  }
  return block;
}

function required(values: Partial<Record<Label, string>>, label: Label, source: string): string {
  const value = values[label];
  if (!value) throw new DocumentError(source, FIELD_NAMES[label] as string, 'missing');
  return value;
}

export function parseLicenceDocument(raw: string, source: string): ParsedDocument {
  const lines = cleanLines(raw);
  const warnings: string[] = [];
  const number = resolveNumber(lines, source);
  const front = readFrontPage(lines);
  const holder = chinesePunctuation(repairBracketsInName(required(front.values, 'holder', source)));
  const legalRepresentative = required(front.values, 'legalRepresentative', source);
  const issuedOn = parseDate(required(front.values, 'issuedOn', source), source, '发证日期');
  const validUntil = parseDate(required(front.values, 'validUntil', source), source, '有效期至');
  if (validUntil <= issuedOn) throw new DocumentError(source, '有效期至', `${validUntil} is not after the issue date ${issuedOn}`);

  const services = parseServices(front.servicesCell.length > 0 ? front.servicesCell : servicesAnnex(lines));
  if (services.length === 0) throw new DocumentError(source, '业务种类', 'no licensed service found');
  const { sites, headingHolders } = parseSites(lines, source);

  const numberRegion = scanNumbers(number)[0].region;
  const holderRegions = regionsNamedIn(holder);
  if (numberRegion && holderRegions.length > 0 && !holderRegions.includes(numberRegion)) {
    warnings.push(`${source}: 经营许可证编号: region ${numberRegion} does not match the holder ${holder}`);
  }
  for (const named of headingHolders) {
    if (chinesePunctuation(named) !== holder) warnings.push(`${source}: 公司名称: the annex names "${named}", the licence "${holder}"`);
  }
  for (const site of sites) {
    for (const service of site.services) {
      if (!services.some((s) => s.name === service)) {
        warnings.push(`${source}: 业务种类: site ${site.domain} is listed under ${service}, which the licence does not name`);
      }
    }
  }
  return { issue: { number, holder, legalRepresentative, issuedOn, validUntil, services, sites, source }, warnings };
}
