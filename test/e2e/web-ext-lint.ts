import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: { code: string; file?: string }[];
  warnings: { code: string; file?: string }[];
}

/** Mozilla's add-on linter (`web-ext lint`, offline) over an unpacked Firefox extension. */
export function webExtLint(dir: string): LintReport {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--output', 'json'],
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
  return JSON.parse(out) as LintReport;
}
