import { existsSync, readFileSync } from 'node:fs';
import { DocumentError } from '../core/document/document-error';
import { type BuiltRegistry, buildRegistry, type SourceDocument } from '../core/registry/build-registry';
import { countOutcomes, reviewReport } from '../core/registry/review-report';
import { fail, parseCommandLine } from './fail';
import { expandInputs, readDocument, writeAtomically } from './files';

const USAGE = `usage: npm run registry:build -- --out <file> [--version N] [--generated-at ISO-8601] [--strict] [--review <file>] <document files or folders…>
  A document that cannot be read is refused and reported; the registry is built from the others.
  --strict      stop at the first document, or part of one, that cannot be read, and write nothing
  --review      also write a report of refused documents, parts left out and repaired values
  exit code: 0 every document used; 3 written, but documents were refused or partly used; 1 nothing written; 2 usage`;

// Written, but not from everything given: a script feeding scans should look at the report.
const INCOMPLETE = 3;

function nextVersion(out: string): number {
  if (!existsSync(out)) return 1;
  try {
    const previous = JSON.parse(readFileSync(out, 'utf8')) as { version?: unknown };
    return typeof previous.version === 'number' && Number.isInteger(previous.version) ? previous.version + 1 : 1;
  } catch {
    return 1;
  }
}

/** The licence documents named, each file whole; the inputs of other kinds will be read beside them. */
function readDocuments(positionals: readonly string[]): SourceDocument[] {
  try {
    return expandInputs(positionals).map(readDocument);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fail(`cannot read ${e.path ?? 'input'}: ${e.code === 'ENOENT' ? 'no such file or folder' : e.message}`);
  }
}

function build(documents: readonly SourceDocument[], meta: { version: number; generatedAt: string }, strict: boolean): BuiltRegistry {
  try {
    return buildRegistry(documents, meta, { strict });
  } catch (error) {
    if (error instanceof DocumentError) fail(`cannot build the registry: ${error.message}`);
    throw error;
  }
}

function main(): void {
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
  if (args.positionals.length === 0) fail(`no documents given\n${USAGE}`, 2);
  if (version !== undefined && !/^[1-9]\d*$/.test(version)) fail(`--version must be a positive integer, not "${version}"`, 2);

  const documents = readDocuments(args.positionals);
  if (documents.length === 0) fail(`no .txt documents found in ${args.positionals.join(', ')}`);

  const { registry, warnings, outcomes } = build(
    documents,
    { version: version ? Number(version) : nextVersion(out), generatedAt: generatedAt ?? new Date().toISOString() },
    strict,
  );
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  for (const outcome of outcomes) {
    if (outcome.status === 'used') continue;
    for (const problem of outcome.problems) process.stderr.write(`${outcome.status}: ${problem.message}\n`);
  }
  const counts = `${documents.length} documents: ${countOutcomes(outcomes)}`;
  if (review) writeAtomically(review, reviewReport(registry, outcomes));
  if (registry.licences.length === 0) fail(`no registry written: no document could be used (${counts})`);
  writeAtomically(out, `${JSON.stringify(registry, null, 2)}\n`);
  const domains = new Set(registry.licences.flatMap((l) => l.sites.map((s) => s.domain))).size;
  process.stdout.write(
    `wrote ${out}: version ${registry.version}, ${registry.licences.length} licences, ${domains} domains, from ${counts}\n`,
  );
  if (outcomes.some((o) => o.status !== 'used')) process.exitCode = INCOMPLETE;
}

main();
