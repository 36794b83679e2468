import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { SourceDocument } from '../core/registry/build-registry';
import { readAnswer, readAnswerLine } from '../core/sources/read-answer';
import { fileKind } from '../core/sources/source-kind';
import { noRecords, type SourceRecords } from '../core/sources/source-records';
import { readStatusList } from '../core/sources/status-list';
import { fail } from './fail';
import { expandInputs, readHead } from './files';

export interface Inputs {
  documents: SourceDocument[];
  records: SourceRecords;
  /** Every file read, for the summary. */
  files: number;
}

async function readJsonLines(path: string, source: string, records: SourceRecords): Promise<void> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    readAnswerLine(line === 0 ? text.replace(/^\uFEFF/, '') : text, source, ++line, records);
  }
}

/**
 * Reads every file named or inside a folder named, each by the kind its content shows (never its name):
 * licence documents whole, JSON answers whole, JSON Lines and large JSON line by line, status lists whole.
 * A file of no known kind, or one that cannot be read, ends the build naming it.
 */
export async function readInputs(paths: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { documents: [], records: noRecords(), files: 0 };
  let files: string[];
  try {
    files = expandInputs(paths);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fail(`cannot read ${e.path ?? 'input'}: ${e.code === 'ENOENT' ? 'no such file or folder' : e.message}`);
  }
  for (const path of files) {
    const source = basename(path);
    try {
      const kind = fileKind(readHead(path));
      if (kind === null) {
        fail(
          `cannot build the registry: ${path} is none of the inputs it reads (licence document, licence or filing query answers, authorisations, status list)`,
        );
      }
      inputs.files++;
      if (kind === 'licence-document') inputs.documents.push({ source, text: readFileSync(path, 'utf8') });
      else if (kind === 'status-list')
        inputs.records.statuses.push(...readStatusList(readFileSync(path, 'utf8'), source, inputs.records.problems));
      else if (kind === 'json-lines') await readJsonLines(path, source, inputs.records);
      else {
        let value: unknown;
        try {
          value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
        } catch {
          // Not one JSON value: JSON Lines whose first answer is longer than the part looked at.
          await readJsonLines(path, source, inputs.records);
          continue;
        }
        readAnswer(value, source, source, inputs.records);
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (!e.code) throw error;
      fail(`cannot read ${path}: ${e.message}`);
    }
  }
  return inputs;
}
