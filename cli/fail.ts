/** Ends a command-line tool with a message for a person and a non-zero exit code. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
