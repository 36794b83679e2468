// Marks in the worker's performance timeline, which the benchmark reads from outside: how long the
// browser took to start the worker before this script ran, and how long this script took to a verdict.
// Imported first by the background, so the mark below is the first thing its bundle does.

export const SCRIPT_START_MARK = 'licence-check:script-start';
export const FIRST_VERDICT_MARK = 'licence-check:first-verdict';

performance.mark(SCRIPT_START_MARK);
