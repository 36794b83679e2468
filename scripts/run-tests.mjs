// Runs the linter and the formatter's check, then every test with vitest, and ends with the one summary line
// CI reads: `N passed, N failed` (the linter and the format check count as one test each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

/** Runs a checker in the project; true when it passed. */
const check = (name, script, args) => {
  console.log(`\n${name}:`);
  return spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' }).status === 0;
};
const checks = [
  check('lint (eslint)', 'node_modules/eslint/bin/eslint.js', ['.']),
  check('format (prettier --check)', 'node_modules/prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.']),
];

const report = 'test-artifacts/vitest-report.json';
mkdirSync('test-artifacts', { recursive: true });
rmSync(report, { force: true });
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numFailedTestSuites > 0 && results.numFailedTests === 0 ? results.numFailedTestSuites : 0);
  skipped = results.numPendingTests + results.numTodoTests;
  // Every test declared must have run: one that did not (skipped, todo, or lost) is counted as failed.
  const unaccounted = results.numTotalTests - results.numPassedTests - results.numFailedTests - skipped;
  failed += skipped + Math.max(0, unaccounted);
} catch {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
passed += checks.filter(Boolean).length;
failed += checks.filter((ok) => !ok).length;
// CI reads the last line as exactly `N passed, N failed`; skipped tests are reported just before it.
console.log(`${skipped} skipped (counted as failed)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
