import { isoDate } from '../dates';
import { regionsNamedIn } from './region-names';
import { scanNumbers } from '../grammar/scan-numbers';
import type { Repair, Service, Site } from '../registry/schema';
import { chinesePunctuation, cleanLines } from './clean-lines';
import { readDates, repairSerials } from './digit-repairs';
import { DocumentError } from './document-error';
import {
  isConditionsStart,
  isPageFurniture,
  isServicesAnnexHeading,
  pointsToAnnex,
  readLabel,
  readSiteSectionHeading,
  type Label,
} from './labels';
import { parseServices } from './parse-services';
import { parseSites } from './parse-sites';
import { RepairLog } from './repair-log';
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
  /** Values repaired or inferred from recognition errors, for a person to check against the scan. */
  repairs: Repair[];
  /** Parts that could not be read and were left out; the rest of the document is used. */
  problems: DocumentError[];
}

const NUMBER_FIELD = '经营许可证编号';
// What a scan leaves where it lost a number's region: slashes, bars and the like, never a blank.
const LOST_REGION = /[/\\|!*#]$/;

/**
 * The licence number a document states. Each page repeats it, so a copy with a stray character before
 * it (`告渝B2-…`), letters in its serial (`2O19O486`) or its region lost (`///B2-…`) is repaired from the
 * others; when every copy lost the region, it is taken from the holder's name. Copies that disagree on
 * the serial cannot be repaired.
 */
function resolveNumber(lines: readonly string[], holder: string, source: string, log: RepairLog): string {
  const found = lines.flatMap((line) => {
    const repaired = repairSerials(line);
    return scanNumbers(repaired.text)
      .filter((m) => m.kind === 'licence')
      .map((m) => ({ ...m, line, repairs: repaired.repairs, damaged: !m.region && LOST_REGION.test(repaired.text.slice(0, m.start)) }));
  });
  if (found.length === 0) throw new DocumentError(source, NUMBER_FIELD, 'no licence number found');
  const bodies = new Set(found.map((m) => (m.region ? m.canonical.slice(m.region.length) : m.canonical)));
  if (bodies.size > 1) throw new DocumentError(source, NUMBER_FIELD, `the document states different numbers: ${[...bodies].join(', ')}`);
  const regions = new Set(found.flatMap((m) => (m.region ? [m.region] : [])));
  if (regions.size > 1) throw new DocumentError(source, NUMBER_FIELD, `the document states different regions: ${[...regions].join(', ')}`);
  const body = [...bodies][0];
  const fromHolder = regionsNamedIn(holder);
  const inferred = regions.size === 0 && found.some((m) => m.damaged) && fromHolder.length === 1;
  const number = `${[...regions][0] ?? (inferred ? fromHolder[0] : '')}${body}`;
  for (const copy of found) for (const repair of copy.repairs) log.note(NUMBER_FIELD, copy.line, number, repair);
  const lost = found.find((copy) => !copy.region);
  if (lost && number !== body) {
    log.note(
      NUMBER_FIELD,
      lost.line,
      number,
      inferred ? "region lost in every copy; taken from the holder's name" : 'region lost; taken from another copy',
    );
  }
  return number;
}

function parseDate(text: string, source: string, field: string, log: RepairLog): string {
  const { dates, repairs } = readDates(text);
  // A validity range (`…至…`) ends with the date the licence runs to.
  const last = dates.at(-1);
  const date = last && isoDate(last.year, last.month, last.day);
  if (!date) throw new DocumentError(source, field, `"${text}" is not a date`);
  if (repairs.length > 0) log.note(field, text, date, repairs.join('; '));
  return date;
}

const FIELD_NAMES: Partial<Record<Label, string>> = {
  holder: '公司名称',
  legalRepresentative: '法定代表人',
  issuedOn: '发证日期',
  validUntil: '有效期至',
};

// How a company name ends; a holder without such an ending continues on the next line.
const COMPLETE_NAME = /(?:公司|中心|集团|企业|事务所|研究院|\))$/;

/**
 * Reads the first page's labelled fields. The layout can put a label on one line and its value on a
 * later one, after other labels (发证日期: / 有效期至: / date / date): labels without a value wait in
 * order for the next unlabelled lines. A holder's name broken across lines is joined.
 */
function readFrontPage(lines: readonly string[]) {
  const values: Partial<Record<Label, string>> = {};
  const waiting: Label[] = [];
  const servicesCell: string[] = [];
  let inServicesCell = false;
  let last: Label | undefined;
  for (const line of lines) {
    if (isConditionsStart(line) || isServicesAnnexHeading(line) || readSiteSectionHeading(line)) break;
    const labelled = readLabel(line);
    if (labelled?.label === 'services') {
      inServicesCell = !pointsToAnnex(line);
      if (inServicesCell) servicesCell.push(labelled.value);
      last = undefined;
      continue;
    }
    if (labelled && labelled.label in FIELD_NAMES) {
      inServicesCell = false;
      if (labelled.value) values[labelled.label] = labelled.value;
      else waiting.push(labelled.label);
      last = labelled.value ? labelled.label : undefined;
      continue;
    }
    if (labelled || isPageFurniture(line)) {
      inServicesCell = false;
      last = undefined;
      continue;
    }
    if (last === 'holder' && values.holder && !COMPLETE_NAME.test(values.holder) && /^\p{Script=Han}/u.test(line)) {
      values.holder += line;
    } else if (inServicesCell) servicesCell.push(line);
    else if (waiting.length > 0) {
      last = waiting.shift() as Label;
      values[last] = line;
    } else last = undefined;
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
  const log = new RepairLog(source);
  const front = readFrontPage(lines);
  const holderAsRead = required(front.values, 'holder', source);
  const holder = chinesePunctuation(repairBracketsInName(holderAsRead));
  if (repairBracketsInName(holderAsRead) !== holderAsRead) log.note('公司名称', holderAsRead, holder, 'brackets read as 、 restored');
  const number = resolveNumber(lines, holder, source, log);
  const legalRepresentative = required(front.values, 'legalRepresentative', source);
  const issuedOn = parseDate(required(front.values, 'issuedOn', source), source, '发证日期', log);
  const validUntil = parseDate(required(front.values, 'validUntil', source), source, '有效期至', log);
  if (validUntil <= issuedOn) throw new DocumentError(source, '有效期至', `${validUntil} is not after the issue date ${issuedOn}`);

  const services = parseServices(front.servicesCell.length > 0 ? front.servicesCell : servicesAnnex(lines));
  if (services.length === 0) throw new DocumentError(source, '业务种类', 'no licensed service found');
  const { sites, headingHolders, problems } = parseSites(lines, source, log);

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
  return {
    issue: { number, holder, legalRepresentative, issuedOn, validUntil, services, sites, source },
    warnings,
    repairs: log.repairs,
    problems,
  };
}
