import { readFileSync } from 'node:fs';
import { importPrivateKey, sign } from '../core/update/signature';
import { fail } from './fail';
import { writeAtomically } from './files';

function readOrFail(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fail(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
}

/** The publisher's private key, read before anything is written, so a bad key leaves no unsigned file behind. */
export async function readSigningKey(keyPath: string): Promise<CryptoKey> {
  const key = await importPrivateKey(globalThis.crypto.subtle, readOrFail(keyPath).toString('utf8'));
  if (!key) fail(`${keyPath} is not a P-256 ECDSA private key in PKCS#8 PEM (as registry:keygen writes)`);
  return key;
}

/** Writes `<path>.sig`, the detached signature over the file's exact bytes as they are on disk, and returns its name. */
export async function writeSignature(key: CryptoKey, path: string): Promise<string> {
  const signature = await sign(globalThis.crypto.subtle, key, new Uint8Array(readOrFail(path)));
  writeAtomically(`${path}.sig`, `${signature}\n`);
  return `${path}.sig`;
}
