import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLicenceDocument } from '../../core/document/parse-licence-document';
import { CORPUS } from './licence-corpus';

const read = (source: string) => readFileSync(new URL(`../fixtures/documents/${source}`, import.meta.url), 'utf8');

describe('licence documents in layouts other than the seeds', () => {
  it('has at least ten documents', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(CORPUS.map((doc) => [doc.issue.source, doc] as const))('%s: every field, and what was repaired', (source, expected) => {
    const { issue, repairs, warnings, problems } = parseLicenceDocument(read(source), source);
    expect(issue).toEqual(expected.issue);
    expect(repairs).toEqual(expected.repairs.map((r) => ({ source, ...r })));
    expect(warnings).toEqual([]);
    expect(problems).toEqual([]);
  });
});
