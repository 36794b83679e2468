import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Ends a command-line tool with a message for a person and a non-zero exit code. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The command line parsed by `node:util`'s parseArgs; a mistake in it ends the run with its usage and code 2. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, 2);
  }
}
