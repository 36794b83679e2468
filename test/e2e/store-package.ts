// The zips `npm run zip` makes (global-setup.ts runs it into STORE_PACKAGES), opened as the stores open them.
import JSZip from 'jszip';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { STORE_PACKAGES } from './paths';

/** The package for `kind` (`chrome`, `firefox` or `sources`), by WXT's file name `<name>-<version>-<kind>.zip`. */
export function packagePath(kind: 'chrome' | 'firefox' | 'sources'): string {
  const found = readdirSync(STORE_PACKAGES).filter((f) => f.endsWith(`-${kind}.zip`));
  if (found.length !== 1) throw new Error(`expected one *-${kind}.zip in ${STORE_PACKAGES}, found ${found.join(', ') || 'none'}`);
  return join(STORE_PACKAGES, found[0]);
}

export async function openPackage(kind: 'chrome' | 'firefox' | 'sources'): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(packagePath(kind)));
}

/** Writes every file of `zip` under `dir`, emptied first. */
export async function unpack(zip: JSZip, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), await file.async('nodebuffer'));
  }
}

/** Width and height from a PNG's header chunk, which the format fixes at bytes 16–23. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG' || png.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// What the Chrome Web Store calls remote or obfuscated code: scripts loaded from elsewhere, and strings run as code.
const REMOTE_CODE: [string, RegExp][] = [
  ['a script element loading from the network', /<script[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i],
  ['an import from the network', /(?:\bimport\s*\(|\bimportScripts\s*\(|\bfrom)\s*[`'"](?:https?:)?\/\//],
  ['a script address on the network', /[`'"]https?:\/\/[^`'"\s]*\.m?js(?:[?#][^`'"\s]*)?[`'"]/],
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
];

/** Each kind of remote code found in `text`, as its description. */
export function remoteCodeIn(text: string): string[] {
  return REMOTE_CODE.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}

/**
 * The environment `npm run zip` has in a shell. Vitest sets NODE_ENV=test, under which the JSX transform
 * emits development code carrying each source file's absolute path; the e2e variables pick another registry
 * and output folder.
 */
export function packagingEnv(outDir?: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(NODE_ENV|TEST|VITEST.*|WXT_OUT_DIR|LICENCE_REGISTRY|LICENCE_TRUSTED_KEYS)$/.test(name),
    ),
  );
  return outDir ? { ...env, WXT_OUT_DIR: outDir } : env;
}
