import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, ROOT } from './paths';

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: { code: string; file?: string }[];
  warnings: { code: string; file?: string }[];
}

describe("Mozilla's add-on linter (web-ext lint, offline) on the Firefox build", () => {
  it('finds no errors, and no warning but the innerHTML path inside Preact', () => {
    let out: string;
    try {
      out = execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      out = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as LintReport;
    expect(report.errors).toEqual([]);
    // Preact's renderer can set innerHTML for dangerouslySetInnerHTML, which this extension never uses.
    expect(report.warnings.map((w) => w.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
    expect(report.warnings[0].file).toMatch(/^chunks\//);
  }, 120_000);
});
