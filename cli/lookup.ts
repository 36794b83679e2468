import { isValidIsoDate, localToday } from '../core/dates';
import { translatorFor, type LocaleMessages } from '../core/i18n';
import { QueryError, classifyQuery } from '../core/lookup/classify-query';
import { lookupJson } from '../core/lookup/lookup-json';
import { runLookup, type LicenceWithStatus, type LookupResult } from '../core/lookup/run-lookup';
import { RegistryIndex } from '../core/registry/registry-index';
import type { Filing } from '../core/registry/schema';
import { listStanding } from '../core/verdict/licence-lists';
import { isEnded } from '../core/verdict/licence-status';
import { endSentence, listSentence } from '../core/verdict/verdict-words';
import en from '../public/_locales/en/messages.json';
import { fail, parseCommandLine } from './fail';
import { readRegistryFile } from './read-registry';

const USAGE =
  'usage: npm run lookup -- <licence or ICP filing number | domain or URL | part of a name> [--json] [--date YYYY-MM-DD] [--registry file]';

// The command line speaks English, in the extension's own English wording of what ended a licence.
const { t } = translatorFor(en as LocaleMessages, 'en');

function describeStatus(l: LicenceWithStatus): string {
  if (isEnded(l.status)) return 'no longer in force';
  return l.status === 'expired' ? `expired ${-l.daysLeft} days ago` : `${l.status}, ${l.daysLeft} days left`;
}

function describeLicence(l: LicenceWithStatus, date: string): string {
  const lists = listStanding(l.lists, date);
  const lines = [
    `${l.number}  ${l.holder}`,
    `  legal representative: ${l.legalRepresentative}`,
    `  issued ${l.issuedOn}, valid until ${l.validUntil} (${describeStatus(l)})`,
    ...(l.end && isEnded(l.status) ? [`  ${endSentence(l.end, t)}`] : []),
    ...[...lists.current, ...lists.past].map((e) => `  ${listSentence(e, date, t)}`),
    ...l.services.map((s) => `  service: ${s.name}${s.scope ? `（${s.scope}）` : ''}${s.restrictions ? ` ${s.restrictions}` : ''}`),
    ...l.sites.map((s) => `  ${s.kind}: ${s.domain} ${s.name}`),
  ];
  if (l.sites.length === 0) lines.push('  lists no domains');
  if (l.history.length > 0) lines.push(`  earlier issues: ${l.history.map((h) => h.issuedOn).join(', ')}`);
  return lines.join('\n');
}

function describeFiling(f: Filing): string {
  return [
    `${f.number}  ${f.operator}${f.nature ? ` (${f.nature})` : ''}  ICP filing, not a licence`,
    `  record updated ${f.date}`,
    ...f.sites.map((s) => `  site ${s.number}: ${s.domain} ${s.name}`),
  ].join('\n');
}

function describe(result: LookupResult, date: string): string {
  if (result.type === 'host') {
    const head = `${result.host}: ${result.verdict}${result.matchedDomain ? ` (listed as ${result.matchedDomain})` : ''}`;
    const about = result.licence ? describeLicence(result.licence, date) : result.filing && describeFiling(result.filing);
    return about ? `${head}\n${about}` : head;
  }
  if (result.note) return result.note;
  if (result.licences.length + result.filings.length === 0) return 'no licence or filing in the registry matches';
  return [...result.filings.map(describeFiling), ...result.licences.map((l) => describeLicence(l, date))].join('\n\n');
}

async function main(): Promise<void> {
  const args = parseCommandLine(
    {
      allowPositionals: true,
      options: { json: { type: 'boolean' }, date: { type: 'string' }, registry: { type: 'string' } },
    },
    USAGE,
  );
  const { json, date, registry } = args.values;
  if (args.positionals.length === 0) fail(USAGE, 2);
  if (date !== undefined && !isValidIsoDate(date)) fail(`--date must be a calendar date YYYY-MM-DD, not "${date}"`, 2);

  let query: ReturnType<typeof classifyQuery>;
  try {
    query = classifyQuery(args.positionals.join(' '));
  } catch (error) {
    if (error instanceof QueryError) fail(`${error.message}\n${USAGE}`, 2);
    throw error;
  }
  const index = new RegistryIndex(await readRegistryFile(registry ?? new URL('../data/registry.json', import.meta.url).pathname));
  const today = date ?? localToday();
  const result = runLookup(query, index, today);
  process.stdout.write(json ? `${JSON.stringify(lookupJson(result), null, 2)}\n` : `${describe(result, today)}\n`);
}

void main();
