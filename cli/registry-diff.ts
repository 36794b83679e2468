import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { RegistryDeltaSchema, type RegistryDelta } from '../core/update/delta-schema';
import { applyDelta, diffRegistries } from '../core/update/registry-delta';
import { fail, parseCommandLine } from './fail';
import { jsonArrayLines, writeByName } from './files';
import { readRegistryFile } from './read-registry';
import { readSigningKey, writeSignature } from './sign-file';

const USAGE = `usage: npm run registry:diff -- --from <old registry> --to <new registry> --out <delta file[.gz]> [--key <private key PEM>]
  --from, --to  registry files, gzip-compressed or not; --to must have the greater version
  --out         the delta; a name ending .gz writes it gzip-compressed
  --key         also write <out>.sig, as registry:sign does
  Publish it at <registry URL>.from-<version of --from> (docs/registry-format.md, Deltas).`;

/** The delta file, one put record per line, as registry:build writes registries. */
function* deltaLines({ licences, filings, ...head }: RegistryDelta): Generator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"licences":{"put":[\n`;
  yield* jsonArrayLines(licences.put);
  yield '],"patch":[\n';
  yield* jsonArrayLines(licences.patch ?? []);
  yield `],"remove":${JSON.stringify(licences.remove)}},"filings":{"put":[\n`;
  yield* jsonArrayLines(filings.put);
  yield '],"patch":[\n';
  yield* jsonArrayLines(filings.patch ?? []);
  yield `],"remove":${JSON.stringify(filings.remove)}}}\n`;
}

const percent = (part: number, whole: number) => `${Number(((100 * part) / whole).toPrecision(2))}%`;

async function main(): Promise<void> {
  const args = parseCommandLine(
    { options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, key: { type: 'string' } } },
    USAGE,
  );
  const { from: fromPath, to: toPath, out, key: keyPath } = args.values;
  if (!fromPath || !toPath || !out) fail(`--from, --to and --out are required\n${USAGE}`, 2);
  if ([fromPath, toPath].some((input) => resolve(input) === resolve(out)))
    fail(`--out must name a new file, not --from or --to\n${USAGE}`, 2);

  const key = keyPath ? await readSigningKey(keyPath) : undefined;
  const from = await readRegistryFile(fromPath);
  const to = await readRegistryFile(toPath);
  if (to.version <= from.version) {
    fail(`cannot make a delta: ${toPath} is version ${to.version}, not newer than ${fromPath} (version ${from.version})`);
  }

  const delta = diffRegistries(from, to);
  // What a reader will check, checked before anything is written: the delta passes its schema, and
  // applied to --from it gives --to's content.
  const parsed = RegistryDeltaSchema.safeParse(delta);
  if (!parsed.success) fail(`cannot make a delta: it does not match the delta schema:\n${z.prettifyError(parsed.error)}`);
  const applied = applyDelta(from, parsed.data);
  if (!applied.ok) fail(`cannot make a delta: applied to ${fromPath} it does not give ${toPath}: ${applied.detail}`);

  await writeByName(out, deltaLines(delta));
  const { licences, filings } = delta;
  const [deltaBytes, toBytes] = [statSync(out).size, statSync(toPath).size];
  process.stdout.write(
    `wrote ${out}: version ${from.version} to ${to.version}; licences: ${licences.put.length} put, ${licences.patch?.length ?? 0} patched, ${licences.remove.length} removed; ` +
      `filings: ${filings.put.length} put, ${filings.patch?.length ?? 0} patched, ${filings.remove.length} removed\n` +
      `${deltaBytes} bytes, ${percent(deltaBytes, toBytes)} of ${toPath} (${toBytes} bytes)\n`,
  );
  if (key) process.stdout.write(`wrote ${await writeSignature(key, out)}\n`);
}

void main();
