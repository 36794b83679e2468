import type { DocumentOutcome } from './read-licence-documents';
import type { Registry } from './schema';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** How many documents were used, partly used and refused, in words. */
export function countOutcomes(outcomes: readonly DocumentOutcome[]): string {
  const count = (status: DocumentOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return `${count('used')} used, ${count('partly used')} partly used, ${count('refused')} refused`;
}

/**
 * A Markdown report for a person to check a build against the scans: the documents refused and the
 * parts left out, with the reason, then every value that was repaired or inferred.
 */
export function reviewReport(registry: Registry, outcomes: readonly DocumentOutcome[]): string {
  const lines = ['# Registry build review', '', `${outcomes.length} documents: ${countOutcomes(outcomes)}.`];
  for (const status of ['refused', 'partly used'] as const) {
    const listed = outcomes.filter((o) => o.status === status);
    if (listed.length === 0) continue;
    lines.push('', status === 'refused' ? '## Refused documents' : '## Partly used documents: parts left out', '');
    for (const outcome of listed) for (const problem of outcome.problems) lines.push(`- ${problem.message}`);
  }
  const rows = registry.licences.flatMap((licence) =>
    (licence.repairs ?? []).map(
      (r) => `| ${licence.number} | ${cell(r.source)} | ${cell(r.field)} | ${cell(r.value)} | ${cell(r.seen)} | ${cell(r.repair)} |`,
    ),
  );
  lines.push('', '## Repaired or inferred values', '');
  if (rows.length === 0) lines.push('None.');
  else lines.push('| number | document | field | value | seen in the scan | repair |', '|---|---|---|---|---|---|', ...rows);
  return `${lines.join('\n')}\n`;
}
