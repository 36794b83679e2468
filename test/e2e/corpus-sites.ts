// The realistic page corpus (test/corpus) as fixture sites, served like the others under their own hosts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS } from '../corpus/corpus';
import type { FixtureSite } from './fixture-sites';

// From the module's own path as a string: under happy-dom, URL objects are not Node's.
const CORPUS_PAGES = join(dirname(fileURLToPath(import.meta.url)), '../corpus/pages');

export const CORPUS_SITES: FixtureSite[] = CORPUS.map((p) => ({
  name: `corpus: ${p.name}`,
  host: p.host,
  html: readFileSync(join(CORPUS_PAGES, p.file), 'utf8'),
  expected: p.expected,
}));

/** `{{origin HOST}}` in a corpus page: where the test server serves HOST (frames of other corpus pages). */
export const ORIGIN_PLACEHOLDER = /\{\{origin ([^}\s]+)\}\}/g;
