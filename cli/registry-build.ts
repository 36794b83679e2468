import { existsSync, readFileSync } from 'node:fs';
import { DocumentError } from '../core/document/document-error';
import { buildRegistry } from '../core/registry/build-registry';
import { fail, parseCommandLine } from './fail';
import { expandInputs, readDocument, writeAtomically } from './files';

const USAGE = 'usage: npm run registry:build -- --out <file> [--version N] [--generated-at ISO-8601] <document files or folders…>';

function nextVersion(out: string): number {
  if (!existsSync(out)) return 1;
  try {
    const previous = JSON.parse(readFileSync(out, 'utf8')) as { version?: unknown };
    return typeof previous.version === 'number' && Number.isInteger(previous.version) ? previous.version + 1 : 1;
  } catch {
    return 1;
  }
}

function main(): void {
  const args = parseCommandLine(
    {
      allowPositionals: true,
      options: { out: { type: 'string' }, version: { type: 'string' }, 'generated-at': { type: 'string' } },
    },
    USAGE,
  );
  const { out, version, 'generated-at': generatedAt } = args.values;
  if (!out) fail(`--out is required\n${USAGE}`, 2);
  if (args.positionals.length === 0) fail(`no documents given\n${USAGE}`, 2);
  if (version !== undefined && !/^[1-9]\d*$/.test(version)) fail(`--version must be a positive integer, not "${version}"`, 2);

  let files: string[];
  let documents: { source: string; text: string }[];
  try {
    files = expandInputs(args.positionals);
    documents = files.map(readDocument);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fail(`cannot read ${e.path ?? 'input'}: ${e.code === 'ENOENT' ? 'no such file or folder' : e.message}`);
  }
  if (documents.length === 0) fail(`no .txt documents found in ${args.positionals.join(', ')}`);

  try {
    const { registry, warnings } = buildRegistry(documents, {
      version: version ? Number(version) : nextVersion(out),
      generatedAt: generatedAt ?? new Date().toISOString(),
    });
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
    writeAtomically(out, `${JSON.stringify(registry, null, 2)}\n`);
    const domains = new Set(registry.licences.flatMap((l) => l.sites.map((s) => s.domain))).size;
    process.stdout.write(
      `wrote ${out}: version ${registry.version}, ${registry.licences.length} licences, ${domains} domains, from ${files.length} documents\n`,
    );
  } catch (error) {
    if (error instanceof DocumentError) fail(`cannot build the registry: ${error.message}`);
    throw error;
  }
}

main();
