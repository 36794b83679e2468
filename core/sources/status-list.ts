// The regulators' published status lists, transcribed as CSV (UTF-8, header row):
// 许可证编号,经营者名称,类型,日期,决定机关,事由
import { readEach } from './read-records';
import { plainText, RecordProblem, recordDate, recordNumber, requiredText } from './record-values';
import type { SourceProblem, StatusChange, StatusRecord } from './source-records';

const HEADER = ['许可证编号', '经营者名称', '类型', '日期', '决定机关', '事由'];

const CHANGES: Record<string, StatusChange> = {
  注销: 'cancelled',
  吊销: 'revoked',
  列入不良名单: 'entered-bad-operators',
  移出不良名单: 'left-bad-operators',
  列入失信名单: 'entered-dishonest-operators',
  移出失信名单: 'left-dishonest-operators',
};

/** The fields of one CSV line: commas (or full-width ones) separate, double quotes enclose, "" is a quote. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',' || ch === '，') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Whether `text` is a status list: its first line is the published header. */
export function isStatusList(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const header = csvFields(first).map(plainText);
  return header.length === HEADER.length && header.every((name, i) => name === HEADER[i]);
}

function readRow(line: string, source: string): StatusRecord {
  const fields = csvFields(line);
  if (fields.length !== HEADER.length) throw new RecordProblem(`has ${fields.length} fields, not ${HEADER.length}`);
  const [number, holder, type, date, authority, reason] = fields;
  const change = CHANGES[plainText(type).replace(/\s/g, '')];
  if (!change) throw new RecordProblem(`类型 "${plainText(type)}" is none of ${Object.keys(CHANGES).join(', ')}`);
  return {
    number: recordNumber(number, '许可证编号', ['licence']).canonical,
    holder: requiredText(holder, '经营者名称'),
    change,
    date: recordDate(date, '日期'),
    authority: plainText(authority),
    reason: plainText(reason),
    source,
  };
}

/** The rows of a status list; a row that cannot be read is reported with its line number. */
export function readStatusList(text: string, source: string, problems: SourceProblem[]): StatusRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows = lines
    .map((line, i) => ({ line, number: i + 1 }))
    .slice(1)
    .filter((row) => row.line.trim() !== '');
  return readEach(rows, { source, at: (i) => `${source}:${rows[i].number}` }, (row) => readRow(row.line, source), problems);
}
