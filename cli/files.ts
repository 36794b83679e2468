import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The files named, with folders expanded to the `.txt` files directly inside them, in name order. */
export function expandInputs(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const info = statSync(path);
    if (!info.isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join(path, name));
  });
}

export function readDocument(path: string): { source: string; text: string } {
  return { source: basename(path), text: readFileSync(path, 'utf8') };
}

/** Writes beside the target and renames, so a reader never sees a half-written file. */
export function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
