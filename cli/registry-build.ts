import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DocumentError } from '../core/document/document-error';
import { type BuiltRegistry, buildRegistry } from '../core/registry/build-registry';
import { countOutcomes, reviewReport } from '../core/registry/review-report';
import type { Registry } from '../core/registry/schema';
import { fail, parseCommandLine } from './fail';
import { jsonArrayLines, writeAtomically, writeByName } from './files';
import { type Inputs, readInputs } from './read-inputs';

const USAGE = `usage: npm run registry:build -- --out <file[.gz]> [--version N] [--generated-at ISO-8601] [--strict] [--review <file>] <files or folders…>
  --out         the registry file; a name ending .gz writes it gzip-compressed, as publishers serve it
  Inputs: licence documents (OCR text), the regulator's licence query answers, filing query answers and
  authorisations (JSON: one answer, an array of answers, or JSON Lines), and status lists (CSV), in any mix;
  each file's kind is read from its content.
  A document or record that cannot be read is refused and reported; the registry is built from the others.
  --strict      stop at the first document, or part of one, that cannot be read, and write nothing
  --review      also write a report of refused documents, parts left out and repaired values
  exit code: 0 everything used; 3 written, but documents or records were refused or partly used; 1 nothing written; 2 usage`;

// Written, but not from everything given: a script feeding scans should look at the report.
const INCOMPLETE = 3;

function nextVersion(out: string): number {
  if (!existsSync(out)) return 1;
  try {
    const bytes = readFileSync(out);
    const previous = JSON.parse((out.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as { version?: unknown };
    return typeof previous.version === 'number' && Number.isInteger(previous.version) ? previous.version + 1 : 1;
  } catch {
    return 1;
  }
}

function build(inputs: Inputs, meta: { version: number; generatedAt: string }, strict: boolean): BuiltRegistry {
  try {
    return buildRegistry(inputs.documents, meta, { strict, records: inputs.records });
  } catch (error) {
    if (error instanceof DocumentError) fail(`cannot build the registry: ${error.message}`);
    throw error;
  }
}

async function main(): Promise<void> {
  const args = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        version: { type: 'string' },
        'generated-at': { type: 'string' },
        strict: { type: 'boolean' },
        review: { type: 'string' },
      },
    },
    USAGE,
  );
  const { out, version, 'generated-at': generatedAt, strict = false, review } = args.values;
  if (!out) fail(`--out is required\n${USAGE}`, 2);
  if (args.positionals.length === 0) fail(`no inputs given\n${USAGE}`, 2);
  if (version !== undefined && !/^[1-9]\d*$/.test(version)) fail(`--version must be a positive integer, not "${version}"`, 2);

  const inputs = await readInputs(args.positionals);
  if (inputs.files === 0) fail(`no input files found in ${args.positionals.join(', ')}`);
  if (strict && inputs.records.problems.length > 0) {
    const [first] = inputs.records.problems;
    fail(`cannot build the registry: ${first.at}: ${first.problem}`);
  }

  const { registry, warnings, outcomes, merge } = build(
    inputs,
    { version: version ? Number(version) : nextVersion(out), generatedAt: generatedAt ?? new Date().toISOString() },
    strict,
  );
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  for (const outcome of outcomes) {
    if (outcome.status === 'used') continue;
    for (const problem of outcome.problems) process.stderr.write(`${outcome.status}: ${problem.message}\n`);
  }
  if (strict && merge.refusals.length > 0) fail(`cannot build the registry: ${merge.refusals[0].source}: ${merge.refusals[0].problem}`);
  for (const { at, problem } of inputs.records.problems) process.stderr.write(`refused: ${at}: ${problem}\n`);
  for (const { source, problem } of merge.refusals) process.stderr.write(`refused: ${source}: ${problem}\n`);
  for (const line of merge.disagreements) process.stderr.write(`sources disagree: ${line}\n`);
  const counts = `${outcomes.length} documents: ${countOutcomes(outcomes)}`;
  if (review) writeAtomically(review, reviewReport(registry, outcomes));
  if (registry.licences.length === 0) fail(`no registry written: no licence could be built (${counts})`);
  await writeByName(out, registryLines(registry));
  const domains = new Set(registry.licences.flatMap((l) => l.sites.map((s) => s.domain))).size;
  const filings = registry.filings ? `, ${registry.filings.length} filings` : '';
  process.stdout.write(
    `wrote ${out}: version ${registry.version}, ${registry.licences.length} licences, ${domains} domains${filings}, from ${counts}\n`,
  );
  for (const line of recordCounts(merge.counts)) process.stdout.write(`${line}\n`);
  const refused = [...merge.counts.values()].some((c) => c.refused > 0);
  if (refused || outcomes.some((o) => o.status !== 'used')) process.exitCode = INCOMPLETE;
}

/** The registry file, one licence (and filing) per line: it is written (and can be read) piece by piece, and diffs well. */
function* registryLines({ licences, filings, ...head }: Registry): Generator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"licences":[\n`;
  yield* jsonArrayLines(licences);
  if (filings) {
    yield '],"filings":[\n';
    yield* jsonArrayLines(filings);
  }
  yield ']}\n';
}

/** Per source of records: how many were read, used, not used (nothing yet to attach them to), refused. */
function recordCounts(counts: Map<string, { read: number; used: number; unused: number; refused: number }>): string[] {
  return [...counts].map(([source, c]) => `${source}: ${c.read} records: ${c.used} used, ${c.unused} not used, ${c.refused} refused`);
}

void main();
