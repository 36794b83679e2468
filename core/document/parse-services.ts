import type { Service } from '../registry/schema';
import { chinesePunctuation, squeeze } from './clean-lines';
import { SERVICE_CATALOGUE } from './service-catalogue';

// Layout fragments of the first page's services cell that the recogniser mixes into the value.
const CELL_LABELS = /^业务种类(?:见附页)?|\(服务项目\)|^及覆盖范围\s*[:;]?/g;

/**
 * Reads `name(scope) restrictions【note】` entries from the lines of a services cell or annex list.
 * Service names come from the catalogue, so a name broken across lines or split by layout labels is
 * still found once the lines are joined.
 */
export function parseServices(lines: readonly string[]): Service[] {
  const text = squeeze(lines.map((line) => line.replace(CELL_LABELS, '')).join(''));
  const starts = SERVICE_CATALOGUE.flatMap((entry) => {
    const at = text.indexOf(entry.name);
    return at >= 0 ? [{ ...entry, at }] : [];
  }).sort((a, b) => a.at - b.at);

  return starts.map((entry, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
    let rest = text.slice(entry.at + entry.name.length, end);
    let scope = '';
    const scoped = /^\(([^()]*)\)/.exec(rest);
    if (scoped) {
      scope = scoped[1];
      rest = rest.slice(scoped[0].length);
    }
    const restrictions = rest.split('【')[0].replace(/[。.]+$/, '');
    return { code: entry.code, name: entry.name, scope: chinesePunctuation(scope), restrictions: chinesePunctuation(restrictions) };
  });
}
