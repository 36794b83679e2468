import { readFileSync } from 'node:fs';
import { importPrivateKey, sign } from '../core/update/signature';
import { fail, parseCommandLine } from './fail';
import { writeAtomically } from './files';

const USAGE = 'usage: npm run registry:sign -- --key <private key PEM> <registry.json>';

async function main(): Promise<void> {
  const args = parseCommandLine({ allowPositionals: true, options: { key: { type: 'string' } } }, USAGE);
  const keyPath = args.values.key;
  const [registryPath, ...extra] = args.positionals;
  if (!keyPath || !registryPath || extra.length > 0) fail(USAGE, 2);
  let pem: string;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    pem = readFileSync(keyPath, 'utf8');
    bytes = new Uint8Array(readFileSync(registryPath));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fail(`cannot read ${e.path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  const { subtle } = globalThis.crypto;
  const key = await importPrivateKey(subtle, pem);
  if (!key) fail(`${keyPath} is not a P-256 ECDSA private key in PKCS#8 PEM (as registry:keygen writes)`);
  const signature = await sign(subtle, key, bytes);
  writeAtomically(`${registryPath}.sig`, `${signature}\n`);
  process.stdout.write(`wrote ${registryPath}.sig\n`);
}

void main();
