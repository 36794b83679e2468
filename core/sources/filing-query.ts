// The filing query answers (ICP/IP地址/域名信息备案管理系统):
// { "params": { "list": [ { unitName, natureName, mainLicence, serviceLicence, serviceName, domain, updateRecordTime, … } ], "total" } }
import { isObject, readEach } from './read-records';
import { plainText, RecordProblem, recordDate, recordDomain, recordNumber, requiredText } from './record-values';
import type { FilingRecord, SourceProblem } from './source-records';

export const isFilingQueryAnswer = (value: unknown): boolean =>
  isObject(value) && isObject(value.params) && Array.isArray(value.params.list);

function readFiling(entry: unknown, source: string): FilingRecord {
  if (!isObject(entry)) throw new RecordProblem('the record is not an object');
  const main = recordNumber(entry.mainLicence, 'main number (mainLicence)', ['licence', 'icp-filing']);
  const site = recordNumber(entry.serviceLicence, 'site number (serviceLicence)', ['licence', 'icp-filing']);
  if (site.canonical !== main.canonical) {
    throw new RecordProblem(`site number (serviceLicence) ${site.canonical} is not under the main number ${main.canonical}`);
  }
  return {
    operator: requiredText(entry.unitName, 'operator (unitName)'),
    nature: plainText(entry.natureName),
    main: { kind: main.kind as FilingRecord['main']['kind'], canonical: main.canonical },
    siteNumber: site.suffix ? `${site.canonical}-${site.suffix}` : site.canonical,
    siteName: requiredText(entry.serviceName, 'site name (serviceName)'),
    domain: recordDomain(entry.domain, 'domain'),
    date: recordDate(entry.updateRecordTime, 'record time (updateRecordTime)'),
    source,
  };
}

/** The filed sites in one filing query answer. */
export function readFilingQueryAnswer(answer: unknown, source: string, at: string, problems: SourceProblem[]): FilingRecord[] {
  const list = isObject(answer) && isObject(answer.params) && Array.isArray(answer.params.list) ? answer.params.list : [];
  return readEach(list, { source, at: (i) => `${at} params.list[${i}]` }, (entry) => readFiling(entry, source), problems);
}
