// The regulator's licence query answers (电信业务市场综合管理信息系统, 许可证查询):
// { "listyj": [ { company_name, faren, license_no, fzjg, lic_id, ywzlInfos: [ { ywzl, fgfw, fzrq, jzrq } ] } ] }
import type { Service } from '../registry/schema';
import { SERVICE_CATALOGUE } from '../document/service-catalogue';
import { isObject, readEach } from './read-records';
import { plainText, RecordProblem, recordDate, recordNumber, requiredText } from './record-values';
import type { LicenceRecord, SourceProblem } from './source-records';

export const isLicenceQueryAnswer = (value: unknown): boolean => isObject(value) && Array.isArray(value.listyj);

// B25-信息服务业务（仅限互联网信息服务）不含…, with or without the code, the dash, the scope or restrictions.
const CODE = /^([AB]\d\d)\s*[-—–:]?\s*/;

function readService(entry: unknown, index: number): { service: Service; issuedOn: string; validUntil: string } {
  const field = `service ${index + 1} (ywzl)`;
  if (!isObject(entry)) throw new RecordProblem(`service ${index + 1} is not an object`);
  const text = requiredText(entry.ywzl, field);
  const code = CODE.exec(text)?.[1];
  const rest = text.replace(CODE, '');
  const name = SERVICE_CATALOGUE.find((s) => rest.startsWith(s.name))?.name ?? rest.split('(')[0].trim();
  if (!name) throw new RecordProblem(`${field} "${text}" names no service`);
  const after = rest.slice(name.length).trim();
  const scope = /^\(([^()]*)\)/.exec(after);
  const coverage = plainText(entry.fgfw);
  return {
    service: {
      ...(code ? { code } : {}),
      name,
      scope: scope?.[1].trim() ?? '',
      restrictions: after.slice(scope?.[0].length ?? 0).trim(),
      ...(coverage ? { coverage } : {}),
    },
    issuedOn: recordDate(entry.fzrq, `service ${index + 1} issued (fzrq)`),
    validUntil: recordDate(entry.jzrq, `service ${index + 1} valid until (jzrq)`),
  };
}

function readLicence(entry: unknown, source: string): LicenceRecord {
  if (!isObject(entry)) throw new RecordProblem('the record is not an object');
  const number = recordNumber(entry.license_no, 'licence number (license_no)', ['licence']).canonical;
  if (!Array.isArray(entry.ywzlInfos) || entry.ywzlInfos.length === 0) throw new RecordProblem(`${number}: no services (ywzlInfos)`);
  const services = entry.ywzlInfos.map((s, i) => {
    try {
      return readService(s, i);
    } catch (error) {
      throw error instanceof RecordProblem ? new RecordProblem(`${number}: ${error.message}`) : error;
    }
  });
  // Services of one licence share its term; a renewal shows as the latest issue and the latest expiry.
  const issuedOn = services
    .map((s) => s.issuedOn)
    .sort()
    .at(-1) as string;
  const validUntil = services
    .map((s) => s.validUntil)
    .sort()
    .at(-1) as string;
  return {
    number,
    holder: requiredText(entry.company_name, `${number}: holder (company_name)`),
    legalRepresentative: requiredText(entry.faren, `${number}: legal representative (faren)`),
    authority: plainText(entry.fzjg),
    services: services.map((s) => s.service),
    issuedOn,
    validUntil,
    date: issuedOn,
    source,
  };
}

/** The licences in one licence query answer; `at` names the answer (file and line) for the report. */
export function readLicenceQueryAnswer(answer: unknown, source: string, at: string, problems: SourceProblem[]): LicenceRecord[] {
  const list = isObject(answer) && Array.isArray(answer.listyj) ? answer.listyj : [];
  return readEach(list, { source, at: (i) => `${at} listyj[${i}]` }, (entry) => readLicence(entry, source), problems);
}
