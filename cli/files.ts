import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** The files named, with folders expanded to the files directly inside them (not hidden ones), in name order. */
export function expandInputs(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const info = statSync(path);
    if (!info.isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => !name.startsWith('.') && statSync(join(path, name)).isFile())
      .sort()
      .map((name) => join(path, name));
  });
}

/** The first `bytes` of a file, as text: enough to tell what it holds without reading it whole. */
export function readHead(path: string, bytes = 65_536): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    // A multi-byte character cut at the end decodes to U+FFFD, which no kind test looks at.
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Writes beside the target and renames, so a reader never sees a half-written file. */
export function writeAtomically(path: string, content: string | Iterable<string>): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    if (typeof content === 'string') writeFileSync(temporary, content);
    else {
      // Piece by piece: a national registry is larger than one string may be.
      const fd = openSync(temporary, 'w');
      try {
        for (const piece of content) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** As writeAtomically, gzip-compressed as it is written (a national registry is never held compressed whole). */
export async function writeGzipAtomically(path: string, pieces: Iterable<string>): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await pipeline(Readable.from(pieces), createGzip({ level: 9 }), createWriteStream(temporary));
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * As writeAtomically, gzip-compressed when the name ends .gz: the compressed file publishers serve (a tenth
 * of the download; readers decompress it after checking the signature over it).
 */
export async function writeByName(path: string, pieces: Iterable<string>): Promise<void> {
  if (path.endsWith('.gz')) await writeGzipAtomically(path, pieces);
  else writeAtomically(path, pieces);
}

/** The items of a JSON array, one per line with the commas between them: written (and readable) piece by piece, and a diff of two files shows the records that changed. */
export function* jsonArrayLines(items: readonly unknown[]): Generator<string> {
  for (const [i, item] of items.entries()) yield `${JSON.stringify(item)}${i < items.length - 1 ? ',' : ''}\n`;
}
