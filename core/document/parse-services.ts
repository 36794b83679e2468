import type { Service } from '../registry/schema';
import { chinesePunctuation, squeeze } from './clean-lines';
import { SERVICE_CATALOGUE } from './service-catalogue';

// Layout fragments of the first page's services cell that the recogniser mixes into the value.
const CELL_LABELS = /^业务种类(?:及覆盖范围)?(?:见附页)?|\(服务项目\)|^及覆盖范围\s*[:;]?/g;
// A value that stands on its own line behind its label; it ends with its line.
const OWN_LINE_VALUE = /^(?:业务覆盖范围|覆盖范围|服务项目)\s*:/;
const COVERAGE = /(?:业务)?覆盖范围:(.*?)(?:[;。,]|$)/;
const SCOPE = /服务项目:(.*?)(?:[;。,]|$)/;
// Numbering and bullets of a list of services (NFKC has made ① a 1), at the start of a line, and at
// the end of the entry before the next one once the lines are joined.
const MARKER = String.raw`(?:\d{1,2}[.、)]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|[■◆●▪·•])`;
const LIST_MARKER = new RegExp(`(?:${MARKER}|(?<=[;。])\\d{1,2})$`, 'u');
const STARTS_ITEM = new RegExp(`^(?:${MARKER}|\\d{1,2}(?=\\p{Script=Han}))`, 'u');

/**
 * Reads the services of a services cell or annex: `name(scope) restrictions【note】` entries, in a
 * numbered or bulleted list, one paragraph, or a table, with the coverage (业务覆盖范围) and the
 * restrictions inline or on their own lines. Service names come from the catalogue, so a name broken
 * across lines or split by layout labels is still found once the lines are joined.
 */
export function parseServices(lines: readonly string[]): Service[] {
  const rows = lines.filter((line) => line.startsWith('|'));
  const entries = rows.length > 0 ? tableEntries(rows) : lines.map((line) => line.replace(CELL_LABELS, ''));
  // An own-line value is closed off on both sides, and a list item from the item before it, so that the
  // lines joined around them do not run into them.
  const closed = entries.map((line) => (OWN_LINE_VALUE.test(line) ? `。${line}。` : STARTS_ITEM.test(line) ? `。${line}` : line));
  const text = squeeze(closed.join(''));
  const starts = SERVICE_CATALOGUE.flatMap((entry) => {
    const at = text.indexOf(entry.name);
    return at >= 0 ? [{ ...entry, at }] : [];
  }).sort((a, b) => a.at - b.at);

  return starts.map((entry, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
    return readEntry(entry, text.slice(entry.at + entry.name.length, end));
  });
}

function readEntry(entry: { code: string; name: string }, after: string): Service {
  let rest = after;
  const take = (pattern: RegExp): string | undefined => {
    const m = pattern.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(0, m.index) + rest.slice(m.index + m[0].length);
    return m[1];
  };
  const bracketed = take(/^\(([^()]*)\)/);
  const coverage = take(COVERAGE);
  const scope = bracketed ?? take(SCOPE) ?? '';
  let restrictions = rest.split('【')[0];
  while (LIST_MARKER.test(restrictions)) restrictions = restrictions.replace(LIST_MARKER, '');
  restrictions = restrictions.replace(/^[;。.,]+|[;。.,]+$/g, '');
  const service: Service = {
    code: entry.code,
    name: entry.name,
    scope: chinesePunctuation(scope),
    restrictions: chinesePunctuation(restrictions),
  };
  if (coverage) service.coverage = chinesePunctuation(coverage);
  return service;
}

/**
 * A services table (`| 业务种类 | 服务项目 | 业务覆盖范围 |`, repeated on each page) as one entry per row,
 * spelled as the list layout spells it. The 服务项目 cell holds the scope and then the restrictions,
 * which start at 含 or 不含.
 */
function tableEntries(rows: readonly string[]): string[] {
  const cellsOf = (row: string) =>
    row
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => squeeze(cell));
  const header = rows.map(cellsOf).find((cells) => cells.some((cell) => /业务种类/.test(cell)));
  if (!header) return [];
  const column = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  const [name, items, coverage] = [column(/业务种类/), column(/服务项目/), column(/覆盖范围/)];
  return rows
    .map(cellsOf)
    .filter((cells) => !cells.some((cell) => /业务种类/.test(cell)) && !cells.every((cell) => /^[-:]*$/.test(cell)))
    .map((cells) => {
      const [scope, restrictions] = splitItems(items >= 0 ? (cells[items] ?? '') : '');
      const covered = coverage >= 0 && cells[coverage] ? `。覆盖范围:${cells[coverage]}。` : '';
      return `${cells[name] ?? ''}${scope ? `(${scope})` : ''}${restrictions}${covered}`;
    });
}

function splitItems(cell: string): [string, string] {
  const at = cell.search(/不?含/);
  if (at < 0) return [cell.replace(/[;。,]+$/, ''), ''];
  return [cell.slice(0, at).replace(/[;。,]+$/, ''), cell.slice(at)];
}
